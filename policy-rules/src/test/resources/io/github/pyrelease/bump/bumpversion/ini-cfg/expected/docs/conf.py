project = "cfgdemo"
version = "1.5"
release = "1.5"
