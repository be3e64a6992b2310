package io.github.pyrelease.secrets;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * A corpus made by the test: synthetic secrets of the right shape (and checksum, where the format
 * has one) for every built-in rule, and near misses no rule may report. Seeded, so every run sees
 * the same corpus.
 */
public final class SecretCorpus {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String URLSAFE = BASE62 + "-_";

  /**
   * A file the corpus holds.
   *
   * @param rule the rule that must report it ({@code null} for a near miss, which none may)
   * @param line the line the secret starts on (0: the file as a whole)
   */
  public record Sample(String rule, String path, String content, int line, String why) {
    public byte[] bytes() {
      return content.getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private final Random random = new Random(13);
  private final List<Sample> positives = new ArrayList<>();
  private final List<Sample> nearMisses = new ArrayList<>();

  public SecretCorpus() {
    addPositives();
    addNearMisses();
  }

  public List<Sample> positives() {
    return positives;
  }

  public List<Sample> nearMisses() {
    return nearMisses;
  }

  private String chars(String alphabet, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private String hex(int n) {
    return chars("0123456789abcdef", n);
  }

  private String base64(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** A GitHub token: prefix, 30 random base62 characters, their CRC-32 in 6 base62 digits. */
  public String githubToken(String prefix) {
    String body = chars(BASE62, 30);
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    StringBuilder check = new StringBuilder();
    while (value > 0) {
      check.insert(0, BASE62.charAt((int) (value % 62)));
      value /= 62;
    }
    while (check.length() < 6) {
      check.insert(0, '0');
    }
    return prefix + body + check;
  }

  public String pypiToken(boolean test) {
    return (test ? "pypi-AgENdGVzdC5weXBpLm9yZw" : "pypi-AgEIcHlwaS5vcmc") + chars(URLSAFE, 160);
  }

  /** A PEM block of fresh key material (RSA and EC keys really generated). */
  String pem(String label, String algorithm) {
    String body;
    if (algorithm == null) {
      body = base64(400);
    } else {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        // seeded, so the corpus is the same on every run
        java.security.SecureRandom seeded = java.security.SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(random.nextLong());
        generator.initialize(algorithm.equals("EC") ? 256 : 1024, seeded);
        body =
            Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder out = new StringBuilder("-----BEGIN " + label + "-----\n");
    for (int i = 0; i < body.length(); i += 64) {
      out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
    }
    return out.append("-----END ").append(label).append("-----\n").toString();
  }

  private String jwt() {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header =
        url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        url.encodeToString(
            ("{\"sub\":\"" + hex(12) + "\",\"exp\":1999999999}").getBytes(StandardCharsets.UTF_8));
    byte[] signature = new byte[32];
    random.nextBytes(signature);
    return header + "." + payload + "." + url.encodeToString(signature);
  }

  private void tp(String rule, String path, String content, int line) {
    positives.add(new Sample(rule, path, content, line, rule));
  }

  private void miss(String path, String content, String why) {
    nearMisses.add(new Sample(null, path, content, 0, why));
  }

  private void addPositives() {
    tp("private-key", "keys/rsa.pem", pem("RSA PRIVATE KEY", "RSA"), 2);
    tp("private-key", "keys/ec.key", "# EC\n" + pem("EC PRIVATE KEY", "EC"), 3);
    tp("private-key", "keys/pkcs8.pem", pem("PRIVATE KEY", "RSA"), 2);
    tp(
        "private-key",
        "keys/openssh",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"
            + base64(300).replace("=", "")
            + "\n-----END OPENSSH PRIVATE KEY-----\n",
        2);
    tp(
        "private-key",
        "keys/pgp.asc",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF"
            + base64(500)
            + "\n=Ab1c\n-----END PGP PRIVATE KEY BLOCK-----\n",
        3);
    tp("private-key", "keys/encrypted.pem", pem("ENCRYPTED PRIVATE KEY", null), 2);
    tp("private-key-file", "home/.ssh/id_ed25519", "not even a key\n", 0);
    tp("pkcs12-file", "certs/client.p12", "\u0030\u0082\u0000\u0001binary", 0);
    tp(
        "aws-access-key-id",
        "deploy/config.py",
        "REGION = 'eu-west-1'\nKEY_ID = 'AKIA"
            + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
            + "'\n",
        2);
    tp(
        "aws-access-key-id",
        "deploy/session.sh",
        "export AWS_ACCESS_KEY_ID=ASIA" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + "\n",
        1);
    tp(
        "aws-secret-access-key",
        "home/.aws/credentials",
        "[default]\naws_access_key_id = none\naws_secret_access_key = "
            + chars(BASE62 + "+/", 40)
            + "\n",
        3);
    tp("gcp-api-key", "web/maps.js", "const key = \"AIza" + chars(URLSAFE, 35) + "\";\n", 1);
    String pk = pem("PRIVATE KEY", "RSA").replace("\n", "\\n");
    tp(
        "gcp-service-account",
        "gcp/sa.json",
        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo\",\n  \"private_key_id\": \""
            + hex(40)
            + "\",\n  \"private_key\": \""
            + pk
            + "\",\n  \"client_email\": \"ci@demo.iam.gserviceaccount.com\"\n}\n",
        5);
    tp(
        "azure-storage-key",
        "settings/azure.ini",
        "[storage]\nconnection = DefaultEndpointsProtocol=https;AccountName=acme;AccountKey="
            + base64(64)
            + ";EndpointSuffix=core.windows.net\n",
        2);
    tp(
        "azure-ad-client-secret",
        "settings/entra.yaml",
        "client_id: 00000000-0000-0000-0000-000000000000\nclient_value: \""
            + chars(BASE62, 3)
            + "8Q~"
            + chars(BASE62 + "_~.-", 34)
            + "\"\n",
        2);
    tp("digitalocean-token", "infra/do.tf", "token = \"dop_v1_" + hex(64) + "\"\n", 1);
    tp("github-pat", ".github/notes.md", "use " + githubToken("ghp_") + " for now\n", 1);
    tp("github-oauth", "app/oauth.json", "{\"access\": \"" + githubToken("gho_") + "\"}\n", 1);
    tp(
        "github-app-token",
        "ci/env.txt",
        "GH=" + githubToken("ghs_") + "\nU=" + githubToken("ghu_") + "\n",
        1);
    tp("github-refresh-token", "app/refresh.txt", githubToken("ghr_") + "\n", 1);
    tp(
        "github-fine-grained-pat",
        "scripts/release.sh",
        "#!/bin/sh\ncurl -H 'Authorization: Bearer github_pat_"
            + chars(BASE62, 22)
            + "_"
            + chars(BASE62, 59)
            + "' https://api.github.com\n",
        2);
    tp("gitlab-token", "ci/gitlab.env.txt", "GITLAB=glpat-" + chars(URLSAFE, 20) + "\n", 1);
    tp(
        "gitlab-runner-registration-token",
        "ci/runner.toml",
        "registration = \"GR1348941" + chars(URLSAFE, 20) + "\"\n",
        1);
    tp(
        "pypi-token",
        "src/pkg/.pypirc",
        "[pypi]\nusername = __token__\npassword = " + pypiToken(false) + "\n",
        3);
    tp("testpypi-token", "ci/upload.sh", "twine upload -p " + pypiToken(true) + " dist/*\n", 1);
    tp(
        "pypirc-password",
        "home/.pypirc",
        "[distutils]\nindex-servers = private\n\n[private]\nrepository = https://pypi.acme.test/\nusername = ci\npassword = s3cr3t-V4lue_9f8e7d6c5b\n",
        7);
    tp(
        "npm-token",
        "web/.npmrc",
        "//registry.npmjs.org/:_authToken=npm_" + chars(BASE62, 36) + "\n",
        1);
    tp(
        "npmrc-auth-token",
        "web/legacy/.npmrc",
        "registry=https://npm.acme.test/\n_auth=" + base64(30) + "\n",
        2);
    tp(
        "slack-bot-token",
        "bot/config.yml",
        "slack:\n  bot: xoxb-"
            + chars("0123456789", 12)
            + "-"
            + chars("0123456789", 13)
            + "-"
            + chars(BASE62, 24)
            + "\n",
        2);
    tp(
        "slack-user-token",
        "bot/user.txt",
        "xoxp-"
            + chars("0123456789", 11)
            + "-"
            + chars("0123456789", 11)
            + "-"
            + chars("0123456789", 12)
            + "-"
            + hex(32)
            + "\n",
        1);
    tp(
        "slack-app-token",
        "bot/app.txt",
        "app = xapp-1-A"
            + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10)
            + "-"
            + chars("0123456789", 13)
            + "-"
            + hex(64)
            + "\n",
        1);
    tp(
        "slack-legacy-token",
        "bot/legacy.txt",
        "xoxs-"
            + chars("0123456789", 10)
            + "-"
            + chars("0123456789", 10)
            + "-"
            + chars(BASE62, 32)
            + "\n",
        1);
    tp(
        "slack-webhook-url",
        "bot/notify.py",
        "import requests\nURL = \"https://hooks.slack.com/services/T"
            + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8)
            + "/B"
            + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10)
            + "/"
            + chars(BASE62, 24)
            + "\"\n",
        2);
    tp("stripe-key", "shop/pay.py", "stripe.api_key = 'sk_live_" + chars(BASE62, 24) + "'\n", 1);
    tp(
        "sendgrid-api-key",
        "mail/send.py",
        "SENDGRID = 'SG." + chars(URLSAFE, 22) + "." + chars(URLSAFE, 43) + "'\n",
        1);
    tp(
        "openai-api-key",
        "ai/llm.py",
        "client = OpenAI(api_key=\"sk-proj-"
            + chars(URLSAFE, 40)
            + "T3BlbkFJ"
            + chars(URLSAFE, 40)
            + "\")\n",
        1);
    tp(
        "anthropic-api-key",
        "ai/claude.py",
        "KEY = \"sk-ant-api03-" + chars(URLSAFE, 93) + "AA\"\n",
        1);
    tp(
        "huggingface-token",
        "ai/hub.py",
        "login(\"hf_" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34) + "\")\n",
        1);
    tp("jwt", "api/fixture.http", "GET /me\nAuthorization: Bearer " + jwt() + "\n", 2);
    tp(
        "url-password",
        "pip.conf",
        "[global]\nindex-url = https://deploy:" + chars(BASE62, 18) + "@pypi.acme.test/simple\n",
        2);
    tp(
        "url-password",
        "db/settings.py",
        "DATABASE = 'postgres://app:Tr0ub4dor-3x@db.internal:5432/app'\n",
        1);
    tp(
        "generic-api-key",
        "app/settings.py",
        "DEBUG = False\nAPI_KEY = \"" + chars(BASE62, 32) + "\"\n",
        2);
    tp(
        "generic-password",
        "app/config.yaml",
        "db:\n  user: app\n  password: \"" + chars(BASE62 + "!#%", 20) + "\"\n",
        3);
    tp(
        "generic-token",
        "app/client.js",
        "fetch(url, {headers: {token: '" + chars(BASE62, 40) + "'}})\n",
        1);
    tp(
        "generic-secret",
        "app/secrets.ini",
        "[app]\nclient_secret = " + chars(BASE62, 28) + "\n",
        2);
    tp(
        "generic-access-key",
        "app/keys.toml",
        "signing_private_key = '" + chars(BASE62 + "+/", 44) + "'\n",
        1);
    tp(
        "generic-credential",
        "app/creds.json",
        "{\"credentials\": \"" + chars(BASE62, 30) + "\"}\n",
        1);
    tp("dotenv-secret", "app/.env", "DEBUG=1\nSESSION_SIGNING=" + chars(BASE62, 24) + "\n", 2);
    tp(
        "dotenv-secret",
        "app/.env.production",
        "export CACHE_URL_SIG=\"" + chars(BASE62, 30) + "\"\n",
        1);
  }

  private void addNearMisses() {
    miss("docs/aws.md", "export AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX\n", "placeholder key id");
    miss("docs/aws2.md", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", "AWS documentation key id");
    miss(
        "docs/aws3.md",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
        "AWS documentation secret key");
    miss("docs/token.md", "token = \"<your-token>\"\n", "angle-bracket placeholder");
    miss("docs/token2.md", "GITHUB_TOKEN=<your-token>\n", "placeholder in prose");
    miss("ci/release.yml", "  password: ${{ secrets.PYPI_API_TOKEN }}\n", "CI secret reference");
    miss(
        "ci/env.sh",
        "export API_KEY=${API_KEY}\npassword = \"$PASSWORD\"\n",
        "environment references");
    miss(
        "app/get.py",
        "password = os.environ[\"DB_PASSWORD\"]\ntoken = get_token()\n",
        "code reading a secret");
    miss(
        "app/names.py",
        "password_field = \"password_confirmation\"\nsecret_name = 'my-app.db-secret'\n",
        "identifiers");
    miss("docs/gh.md", "ghp_" + "a".repeat(36) + "\n", "low entropy token");
    miss("docs/gh2.md", "token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", "x placeholder");
    miss(
        "docs/slack.md",
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n",
        "Slack documentation webhook");
    miss(
        "docs/jwt.md",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n",
        "jwt.io documentation token");
    miss(
        "docs/stripe.md",
        "stripe.api_key = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"\n",
        "Stripe documentation key");
    miss(
        "docs/azurite.md",
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==\n",
        "Azure storage emulator key");
    miss(
        "docs/url.md",
        "pip install --index-url https://user:password@pypi.example.org/simple pkg\n",
        "placeholder password");
    miss(
        "docs/url2.md",
        "postgres://app:${DB_PASSWORD}@db/app and https://u:%(pw)s@h\n",
        "templated password");
    miss(
        "docs/url3.md",
        "see https://example.org/a:b@c and git@github.com:org/repo.git\n",
        "URLs without credentials");
    miss(
        "docs/key.md",
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n",
        "elided key in documentation");
    miss(
        "docs/key2.md",
        "-----BEGIN PRIVATE KEY-----\n"
            + "A".repeat(64)
            + "\n"
            + "A".repeat(64)
            + "\n-----END PRIVATE KEY-----\n",
        "repeated-character key body");
    miss("certs/server.pem", pem("CERTIFICATE", null), "a certificate is public");
    miss(
        "id_rsa.pub",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + base64(24) + " me@host\n",
        "public key");
    miss(
        "app/.env.example",
        "SECRET_KEY=replace-with-a-long-random-string\nDATABASE_URL=postgres://user:password@localhost/db\n",
        ".env template");
    miss("app/.env.test", "DEBUG=true\nLOG_LEVEL=info\n", ".env without secrets");
    miss("src/version.py", "__version__ = \"1.2.3\"\n", "plain code");
    miss(
        "README.md",
        "Set the token with `pyrelease login`; keys live in ~/.pypirc.\n",
        "prose about secrets");
    miss(
        "home/.pypirc",
        "[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n",
        "pypirc with a reference");
    miss(
        "split/token.py",
        "TOKEN = (\""
            + githubToken("ghp_").substring(0, 20)
            + "\"\n  \""
            + chars(BASE62, 20)
            + "\")\n",
        "a token split over two lines: no contiguous shape to match (out of reach for any scanner)");
    miss(
        "build/blob.bin",
        "\u0000\u0001ELF\u0000" + githubToken("ghp_") + "\u0000",
        "binary file: skipped by content sniffing");
    miss(
        "app/allowed.py",
        "TOKEN = \"" + githubToken("ghp_") + "\"  # gitleaks:allow\n",
        "inline allow marker");
    miss("docs/hash.md", "the password hashing uses bcrypt with cost 12\n", "prose with keywords");
  }
}
