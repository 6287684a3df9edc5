"""More userspace cases of the real-world corpus (systemd, kubelet, containers, supervisors, servers
and application logs of other versions). generate.py writes them with the others; every quoted line
is verbatim from the source its SOURCES entry names."""


def register_userspace_more(g):
    case, expect = g["case"], g["expect"]
    text, syslog, cri, journal = g["text"], g["syslog"], g["cri"], g["journal"]
    daemon, pid1, docker_json = g["daemon"], g["pid1"], g["docker_json"]

    # ============================== php-fpm: pool children killed by signals ==============================
    case("php-fpm", "7.x-sigkill-respawn-loop-macos-homebrew",
         "php-fpm's master respawns pool children that are SIGKILLed a millisecond after they start: the "
         "log filled to 192 GB with 'child N exited on signal 9 (SIGKILL)' and 'child N started', one restart "
         "loop of the pool.",
         "https://github.com/valet-sh/valet-sh/issues/135 (/usr/local/var/log/php-fpm.log, Apr 2021; the "
         "excerpt's last line, cut mid-word, left out)",
         must=[expect("restart_burst", pattern="php_fpm_child_restart_burst", subject="php-fpm pool www", count=(7, 7),
                      summary=["replaced 7 children of pool www", "signal 9 SIGKILL"])],
         must_not=[{"type": "error_signature"}])(
        text("php-fpm.log", "/usr/local/var/log/php-fpm.log", [
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94930 exited on signal 9 (SIGKILL) after 0.000895 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94932 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94931 exited on signal 9 (SIGKILL) after 0.000842 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94933 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94932 exited on signal 9 (SIGKILL) after 0.000858 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94934 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94933 exited on signal 9 (SIGKILL) after 0.000850 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94935 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94934 exited on signal 9 (SIGKILL) after 0.000833 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94936 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94935 exited on signal 9 (SIGKILL) after 0.000868 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94937 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94936 exited on signal 9 (SIGKILL) after 0.000928 seconds from start"]))

    case("php-fpm", "8.x-child-sigkilled-every-two-seconds",
         "A Drupal site's php-fpm pool: a child SIGKILLed about 12 s after it starts, one every two seconds, "
         "until the service fails.",
         "https://github.com/php/php-src/issues/15161 (PHP-FPM log of an EC2 worker, Jul 2024; the pool name "
         "'xxxxxx' as the reporter masked it, the excerpt's last line, cut mid-word, left out)",
         must=[expect("restart_burst", pattern="php_fpm_child_restart_burst", subject="php-fpm pool xxxxxx", count=(5, 5),
                      summary=["replaced 5 children", "signal 9 SIGKILL"])])(
        text("php-fpm.log", "/var/log/php-fpm/www-error.log", [
            "[25-Jul-2024 23:45:38] WARNING: [pool xxxxxx] child 33944 exited on signal 9 (SIGKILL) after 12.011399 seconds from start",
            "[25-Jul-2024 23:45:40] WARNING: [pool xxxxxx] child 33953 exited on signal 9 (SIGKILL) after 12.010867 seconds from start",
            "[25-Jul-2024 23:45:42] WARNING: [pool xxxxxx] child 33968 exited on signal 9 (SIGKILL) after 12.009866 seconds from start",
            "[25-Jul-2024 23:45:44] WARNING: [pool xxxxxx] child 33979 exited on signal 9 (SIGKILL) after 12.009435 seconds from start",
            "[25-Jul-2024 23:45:46] WARNING: [pool xxxxxx] child 33988 exited on signal 9 (SIGKILL) after 12.007592 seconds from start"]))

    case("php-fpm", "7.3-children-segfault-plesk",
         "PHP 7.3.1 on Plesk: children of one pool die on SIGSEGV every 15-40 minutes (502s in nginx); a "
         "'said into stderr' warning and configuration tests between are not deaths.",
         "https://github.com/Newcomer1989/TSN-Ranksystem/issues/572 (php-fpm error log, Dec 2018; from the "
         "first line to the configuration test after the fourth crash)",
         must=[expect("restart_burst", pattern="php_fpm_child_restart_burst", subject="php-fpm pool rank.mightful-noobs.de",
                      count=(4, 4), summary=["replaced 4 children", "signal 11 SIGSEGV"])])(
        text("php7.3-fpm.log", "/var/www/vhosts/system/rank.mightful-noobs.de/logs/php-fpm_error.log", [
            "[30-Dec-2018 06:32:15] NOTICE: error log file re-opened",
            "[30-Dec-2018 13:43:39] WARNING: [pool mightful-noobs.de] child 2138 said into stderr: \" \"",
            "[30-Dec-2018 15:09:04] WARNING: [pool rank.mightful-noobs.de] child 22612 exited on signal 11 (SIGSEGV) after 7.109208 seconds from start",
            "[30-Dec-2018 15:09:04] NOTICE: [pool rank.mightful-noobs.de] child 22998 started",
            "[30-Dec-2018 15:34:24] WARNING: [pool rank.mightful-noobs.de] child 29366 exited on signal 11 (SIGSEGV) after 10.504658 seconds from start",
            "[30-Dec-2018 15:34:24] NOTICE: [pool rank.mightful-noobs.de] child 29371 started",
            "[30-Dec-2018 15:47:58] WARNING: [pool rank.mightful-noobs.de] child 355 exited on signal 11 (SIGSEGV) after 10.220254 seconds from start",
            "[30-Dec-2018 15:47:58] NOTICE: [pool rank.mightful-noobs.de] child 357 started",
            "[30-Dec-2018 16:29:40] WARNING: [pool rank.mightful-noobs.de] child 10393 exited on signal 11 (SIGSEGV) after 17.135037 seconds from start",
            "[30-Dec-2018 16:29:40] NOTICE: [pool rank.mightful-noobs.de] child 10401 started",
            "[30-Dec-2018 16:32:27] NOTICE: configuration file /opt/plesk/php/7.3/etc/php-fpm.conf test is successful"]))

    case("php-fpm", "negative-one-child-killed-then-restarts",
         "A Friendica host: one php-fpm child SIGKILLed after 9.6 hours, then the service reloaded and restarted "
         "by hand ('Terminating ...', 'exiting, bye-bye!'): one lost request, not a loop.",
         "https://github.com/friendica/friendica/issues/10916 (php7.3-fpm log, Oct 2021; the blank lines after "
         "each configuration test left out)",
         negative=True)(
        text("php7.3-fpm.log", "/var/log/php7.3-fpm.log", [
            "[25-Oct-2021 03:35:44] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 07:10:51] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:14:08] WARNING: [pool friendica] child 24227 exited on signal 9 (SIGKILL) after 34708.373523 seconds from start",
            "[25-Oct-2021 13:14:08] NOTICE: [pool friendica] child 16369 started",
            "[25-Oct-2021 13:15:53] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:18:43] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:18:52] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:18:54] NOTICE: Terminating ...",
            "[25-Oct-2021 13:18:56] NOTICE: exiting, bye-bye!",
            "[25-Oct-2021 13:18:57] NOTICE: fpm is running, pid 19184",
            "[25-Oct-2021 13:18:59] NOTICE: ready to handle connections",
            "[25-Oct-2021 13:18:59] NOTICE: systemd monitor interval set to 10000ms"]))

    case("php-fpm", "negative-8.2-one-child-sigkilled-at-scale-down-cri",
         "PHP 8.2.12 in Kubernetes (dynamic pool): one child SIGKILLed while the pool scaled down, in the "
         "container's CRI log: one child, not a loop.",
         "https://github.com/php/php-src/issues/12626 (the container log line as the report quotes it, Nov 2023)",
         negative=True)(
        g["container_file"]("php-fpm.log", "/var/log/pods/default_web-0_0f1e2d3c/php-fpm/0.log", "cri", [
            "2023-11-06T21:09:49.65381919Z stderr F [06-Nov-2023 21:09:49] WARNING: [pool www] child 132 exited on signal 9 (SIGKILL) after 214.882381 seconds from start"]))
