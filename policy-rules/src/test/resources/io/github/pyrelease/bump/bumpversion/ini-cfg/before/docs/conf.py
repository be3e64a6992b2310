project = "cfgdemo"
version = "1.4"
release = "1.4"
