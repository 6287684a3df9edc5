"""More userspace cases of the real-world corpus (systemd, kubelet, containers, supervisors, servers
and application logs of other versions). generate.py writes them with the others; every quoted line
is verbatim from the source its SOURCES entry names."""


def register_userspace_more(g):
    case, expect = g["case"], g["expect"]
