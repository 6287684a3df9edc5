"""More cases of a full disk: the kernel's own reports of filesystems other than ext4 running out of
space (btrfs aborting a transaction with ENOSPC, a device-mapper thin pool out of data space under
XFS or ext4), systemd-journald unable to create its journal, and the look-alikes that say "No space
left on device" when no disk is full (System V semaphores and shared memory used up). generate.py
writes them with the others; every quoted line is verbatim from the source its SOURCES entry names."""


def register_disk_more(g):
    case, expect = g["case"], g["expect"]
    text, syslog, dmesg_verbatim = g["text"], g["syslog"], g["dmesg_verbatim"]
    journal, kernel_entry = g["journal"], g["kernel_entry"]
    no_disk_full = [{"type": "disk_full"}]

    # ============================== ENOSPC that is no full disk ==============================
    case("disk-full", "httpd-2.2-accept-lock-semaphores-used-up",
         "Apache httpd 2.2 killed with -9 left its SysV semaphores behind; restarted, it cannot create its "
         "accept lock: '(28)No space left on device' is semget() at the kernel's SEMMNI/SEMMNS, with 244G free "
         "on the disk. No disk_full.",
         "https://nacko.net/apache-error-no-space-left-on-device-couldnt-create-accept-lock/ (httpd 2.2 on "
         "CentOS, /var/log/httpd/error_log, Jan 2017)",
         must_not=no_disk_full, negative=True)(
        text("error_log", "/var/log/httpd/error_log", [
            "[Tue Jan 17 10:40:47 2017] [warn] pid file /etc/httpd/run/httpd.pid overwritten -- Unclean shutdown of previous Apache run?",
            "[Tue Jan 17 10:40:47 2017] [emerg] (28)No space left on device: Couldn't create accept lock (/etc/httpd/logs/accept.lock.13808) (5)"]))

    case("disk-full", "httpd-2.4-ah00023-rewrite-map-mutex",
         "Apache httpd 2.4 cannot start: 'AH00023: Couldn't create the rewrite-map mutex', (28)No space left on "
         "device from semget() with 33,000 semaphore arrays held by the apache user, then 'AH00020: Configuration "
         "Failed, exiting'. The server is down, but no disk is full: no disk_full.",
         "https://www.vswsystems.com/apache-httpd-no-space-left-on-device-ah00023/ (httpd 2.4 error log, Dec "
         "2018; the first line's trailing space as the page shows it)",
         must_not=no_disk_full)(
        text("error_log", "/var/log/httpd/error_log", [
            "[Sun Dec 23 15:22:11.048641 2018] [core:emerg] [pid 39427] (28)No space left on device: AH00023: Couldn't create the rewrite-map mutex ",
            "[Sun Dec 23 14:59:38.593507 2018] [:emerg] [pid 33084] AH00020: Configuration Failed, exiting"]))

    case("disk-full", "postgres-12-initdb-semget-semaphores",
         "PostgreSQL 12's initdb (Postgres.app) fails: 'could not create semaphores: No space left on device', "
         "semget() over SEMMNI/SEMMNS, and PostgreSQL's own hint that this is no full disk. No disk_full.",
         "https://github.com/PostgresApp/PostgresApp/issues/583 (the server's log in the issue's description, "
         "Aug 2020)",
         must_not=no_disk_full)(
        text("postgresql.log", "/Users/allen/Library/Application Support/Postgres/var-12/postgresql.log", [
            "2020-08-06 09:40:47.034 CST [28825] FATAL:  could not create semaphores: No space left on device",
            "2020-08-06 09:40:47.034 CST [28825] DETAIL:  Failed system call was semget(5432001, 17, 03600).",
            "2020-08-06 09:40:47.034 CST [28825] HINT:  This error does *not* mean that you have run out of disk space.  It occurs when either the system limit for the maximum number of semaphore sets (SEMMNI), or the system wide maximum number of semaphores (SEMMNS), would be exceeded.  You need to raise the respective kernel parameter.  Alternatively, reduce PostgreSQL's consumption of semaphores by reducing its max_connections parameter.",
            "\tThe PostgreSQL documentation contains more information about configuring your system for PostgreSQL.",
            "child process exited with exit code 1",
            "initdb: removing data directory \"/Users/allen/Library/Application Support/Postgres/var-12\""]))

    # ============================== btrfs out of space ==============================
    case("disk-full", "btrfs-5.10-enospc-transaction-abort-journal",
         "Linux 5.10.8, btrfs with compress-force=zstd and no unallocated space left: freeing extents needs "
         "metadata space it cannot get, the transaction is aborted with error -28 and the filesystem forced "
         "read-only, each step repeating 'errno=-28 No space left'. One disk_full of dm-0, and the filesystem "
         "going read-only (filesystem_down) of the same device; no error signature of the same lines.",
         "https://lore.kernel.org/linux-btrfs/0102017744df8bf8-cbdaa286-cfcc-4f6f-8332-69a98b3a4073-000000@eu-west-1.amazonses.com/ "
         "(linux-btrfs, Martin Raiber, 'ENOSPC in btrfs_run_delayed_refs with 5.10.8 + zstd', Jan 2021; the "
         "report's first lines, up to the WARNING's module list; its syslog prefix 'Jan 27 11:02:14  kernel: "
         "[248571.5698…] ', the host left out, undone: the lines are journald kernel entries here, a "
         "microsecond apart as the kernel's stamps say)",
         must=[expect("disk_full", pattern="kernel_btrfs_enospc", subject="dm-0", count=(5, 5),
                      summary=["btrfs on dm-0 is full"]),
               expect("filesystem_down", pattern="kernel_filesystem_down", subject="dm-0",
                      summary=["forced readonly"])],
         must_not=[{"type": "error_signature", "summary_contains": ["No space left"]}])(
        journal("realworld-host", [
            (0.0, kernel_entry("------------[ cut here ]------------", "4")),
            (0.000003, kernel_entry("BTRFS: Transaction aborted (error -28)", "4")),
            (0.000005, kernel_entry("BTRFS: error (device dm-0) in add_to_free_space_tree:1039: errno=-28 No space left", "2")),
            (0.000008, kernel_entry("BTRFS info (device dm-0): forced readonly", "6")),
            (0.000011, kernel_entry("BTRFS: error (device dm-0) in add_to_free_space_tree:1039: errno=-28 No space left", "2")),
            (0.000012, kernel_entry("BTRFS: error (device dm-0) in __btrfs_free_extent:3270: errno=-28 No space left", "2")),
            (0.000014, kernel_entry("BTRFS: error (device dm-0) in btrfs_run_delayed_refs:2191: errno=-28 No space left", "2")),
            (0.000058, kernel_entry("WARNING: CPU: 3 PID: 21255 at fs/btrfs/free-space-tree.c:1039 add_to_free_space_tree+0xe8/0x130", "4")),
            (0.000073, kernel_entry("BTRFS: error (device dm-0) in __btrfs_free_extent:3270: errno=-28 No space left", "2")),
            (0.000099, kernel_entry("Modules linked in:", "4"))]))

    case("disk-full", "btrfs-6.x-balance-enospc-state-letters",
         "A 6.x kernel balancing a nearly full btrfs on a loop device: the delayed refs cannot be run for lack "
         "of space ('errno=-28 No space left', the state letters EA after the device), the balance ends with "
         "6 ENOSPC errors and status -30 (read-only). One disk_full of loop10.",
         "https://github.com/kdave/btrfs-progs/issues/948 (dmesg in the issue's description, Feb 2025; the "
         "excerpt's last three lines)",
         must=[expect("disk_full", pattern="kernel_btrfs_enospc", subject="loop10",
                      summary=["btrfs_run_delayed_refs failed with ENOSPC"])])(
        dmesg_verbatim([
            "[22916.531486] BTRFS: error (device loop10: state EA) in btrfs_run_delayed_refs:2261: errno=-28 No space left",
            "[22916.531502] BTRFS info (device loop10: state EA): 6 enospc errors during balance",
            "[22916.531505] BTRFS info (device loop10: state EA): balance: ended with status: -30"]))

    # ============================== thin pool out of space ==============================
    case("disk-full", "thin-pool-lxd-out-of-data-space-error-io",
         "LXD's containers on an overprovisioned LVM thin pool: the pool runs out of data space and fails "
         "writes at once (error IO); a container volume's page writes are lost. One disk_full of the pool "
         "253:48.",
         "https://github.com/canonical/lxd/issues/3082 (the laptop's kernel log in the issue's description, Mar "
         "2017; the excerpt's first lines)",
         must=[expect("disk_full", pattern="kernel_thin_pool_out_of_space", subject="thin pool 253:48",
                      summary=["out of data space (error IO)"])])(
        syslog("messages", [
            "Mar 15 18:10:20 laptop.example.com kernel: device-mapper: thin: 253:48: switching pool to out-of-data-space (error IO) mode",
            "Mar 15 18:10:20 laptop.example.com kernel: Buffer I/O error on dev dm-69, logical block 54530752, lost async page write",
            "Mar 15 18:10:20 laptop.example.com kernel: Buffer I/O error on dev dm-69, logical block 54530753, lost async page write",
            "Mar 15 18:10:20 laptop.example.com kernel: Buffer I/O error on dev dm-69, logical block 54530754, lost async page write",
            "Mar 15 18:10:20 laptop.example.com kernel: Buffer I/O error on dev dm-69, logical block 54530755, lost async page write"]))

    case("disk-full", "thin-pool-docker-devicemapper-ext4-error-28",
         "Docker's devicemapper thin pool fills while a container syncs a database: the pool fails writes "
         "(error IO) and ext4 on the container's volume logs 'I/O error -28 writing to inode' for the lost "
         "pages. One disk_full of the pool 253:2.",
         "https://github.com/steemit/hivemind/issues/31 (syslog in the issue's description, Oct 2017; its "
         "kernel lines up to the fourth Buffer I/O error, their syslog prefix 'Oct 11 08:14:56 kernel: "
         "[1692646.…] ', the host left out, undone: journald kernel entries here, at the kernel's stamps)",
         must=[expect("disk_full", pattern="kernel_thin_pool_out_of_space", subject="thin pool 253:2",
                      summary=["thin pool 253:2 is out of data space"])])(
        journal("realworld-host", [
            (0.0, kernel_entry("device-mapper: thin: 253:2: switching pool to out-of-data-space (error IO) mode", "3")),
            (0.004624, kernel_entry("EXT4-fs warning (device dm-4): ext4_end_bio:314: I/O error -28 writing to inode 528049 (offset 1048576000 size 8388608 starting block 2519552)", "4")),
            (0.011008, kernel_entry("Buffer I/O error on device dm-4, logical block 2519552", "3")),
            (0.014465, kernel_entry("Buffer I/O error on device dm-4, logical block 2519553", "3")),
            (0.017599, kernel_entry("Buffer I/O error on device dm-4, logical block 2519554", "3")),
            (0.020686, kernel_entry("Buffer I/O error on device dm-4, logical block 2519555", "3"))]))

    # ============================== journald out of space ==============================
    case("disk-full", "journald-cannot-create-system-journal-dmesg",
         "balenaOS with persistent logging: after two boots the data partition is full and systemd-journald, "
         "flushing the runtime journal to disk, cannot create the system journal ('No space left on device'), "
         "its line in the kernel ring. One disk_full of systemd-journald (no_space_left_on_device reads "
         "journald's own lines; journald_cannot_write reads only its read-only rotations).",
         "https://github.com/balena-os/meta-balena/issues/403 (dmesg in the issue's description, Oct 2016)",
         must=[expect("disk_full", pattern="no_space_left_on_device", subject="systemd-journald",
                      summary=["systemd-journald cannot write: no space left on device"])],
         must_not=[{"type": "log_truncation"}])(
        dmesg_verbatim([
            "[    8.971058] systemd[1]: Started Journal Service.",
            "[    9.062014] systemd-journald[248]: Received request to flush runtime journal from PID 1",
            "[    9.408891] systemd-journald[248]: Failed to create new system journal: No space left on device"]))

    case("disk-full", "journald-btrfs-metadata-full-cannot-rotate-dmesg",
         "openSUSE Tumbleweed at boot: the btrfs root, 91% used, has no metadata space left (its snapshots), so "
         "systemd-journald cannot rotate its system and user journals ('Failed to rotate …: No space left on "
         "device') and its next write fails too; the console shows its lines. One disk_full of "
         "systemd-journald naming the journal file, no log_truncation (the filesystem is not read-only).",
         "https://www.codeblueprint.co.uk/2017/05/11/dear-btrfs.html (the console log in the post, May 2017)",
         must=[expect("disk_full", pattern="no_space_left_on_device", subject="systemd-journald", count=(2, 2),
                      summary=["(/var/log/journal/dae9a2341321bbb6224dafc6561f8eb1/user-1000.journal)"])],
         must_not=[{"type": "log_truncation"}])(
        dmesg_verbatim([
            "[  459.834935] systemd-journald[706]: Failed to rotate /var/log/journal/dae9a2341321bbb6224dafc6561f8eb1/system.journal: No space left on device",
            "[  459.841371] systemd-journald[706]: Failed to rotate /var/log/journal/dae9a2341321bbb6224dafc6561f8eb1/user-1000.journal: No space left on device",
            "[  459.841551] systemd-journald[706]: Failed to write entry (24 items, 750 bytes), ignoring: Input/output error"]))

    case("disk-full", "thin-pool-xfs-metadata-io-error-28-dmesg",
         "XFS on a thin volume whose pool runs out of data space (xfstests generic/459 on a 6.6-rc2 linux-next "
         "kernel): the pool fails writes (error IO), XFS logs its metadata writes failing with error 28 and "
         "retries them, until the pool is grown and switched back to write mode. One disk_full of the pool "
         "253:2; XFS itself has no line of its own for a full filesystem.",
         "https://lore.kernel.org/oe-lkp/202309261205.37e93c9-oliver.sang@intel.com (kernel test robot's report "
         "to dm-devel, Sep 2023; the dmesg lines from the low water mark to the pool grown, as the report prints "
         "them with their caller ids, the XFS lines' trailing spaces kept)",
         must=[expect("disk_full", pattern="kernel_thin_pool_out_of_space", subject="thin pool 253:2", count=(1, 1),
                      summary=["thin pool 253:2 is out of data space (error IO)"])])(
        dmesg_verbatim([
            "[  397.188813][   T11] device-mapper: thin: 253:2: reached low water mark for data device: sending event.",
            "[  397.261199][   T11] device-mapper: thin: 253:2: switching pool to out-of-data-space (error IO) mode",
            "[ 397.434878][ T87] XFS (dm-5): metadata I/O error in \"xfs_buf_ioend_handle_error+0x269/0xce0 [xfs]\" at daddr 0x8 len 8 error 28 ",
            "[ 397.435148][ T89] XFS (dm-5): metadata I/O error in \"xfs_buf_ioend_handle_error+0x269/0xce0 [xfs]\" at daddr 0x20 len 8 error 28 ",
            "[ 397.437634][ T81] XFS (dm-5): metadata I/O error in \"xfs_buf_ioend_handle_error+0x269/0xce0 [xfs]\" at daddr 0x28 len 8 error 28 ",
            "[ 397.437774][ T88] XFS (dm-5): metadata I/O error in \"xfs_buf_ioend_handle_error+0x269/0xce0 [xfs]\" at daddr 0x5dc08 len 8 error 28 ",
            "[  397.489543][T15043] XFS (dm-5): Failing async write on buffer block 0x10. Retrying async write.",
            "[  397.498243][T15043] XFS (dm-5): Failing async write on buffer block 0x38. Retrying async write.",
            "[  397.507066][T15043] XFS (dm-5): Failing async write on buffer block 0x30. Retrying async write.",
            "[  397.515755][T15043] XFS (dm-5): Failing async write on buffer block 0x8. Retrying async write.",
            "[  397.524361][T15043] XFS (dm-5): Failing async write on buffer block 0x28. Retrying async write.",
            "[  397.533052][T15043] XFS (dm-5): Failing async write on buffer block 0x20. Retrying async write.",
            "[  407.489592][T15101] device-mapper: thin: Data device (dm-1) discard unsupported: Disabling discard passdown.",
            "[  407.499752][T15101] device-mapper: thin: 253:2: switching pool to write mode",
            "[  407.506802][T15101] device-mapper: thin: 253:2: growing the data device from 3200 to 4800 blocks"]))
