"""More platform cases of the real-world corpus: kubelet, containerd, nested systemd managers and
kernel lines in syslog/journal text. generate.py writes them with the others; every quoted line is
verbatim from the source its SOURCES entry names."""


def register_platform_more(g):
    case, expect = g["case"], g["expect"]
