"""Application-log cases of the real-world corpus in widespread logger formats whose header starts with
the level, or wraps the stamp, level and target in one bracket: Ruby's Logger ('E, [stamp #pid] ERROR --
progname: msg'), Python's logging default ('ERROR:root:msg'), Serilog ('[HH:mm:ss ERR] msg'), .NET's
Microsoft.Extensions.Logging console ('fail: Category[id]' with the message on the indented line under
it), Rust's env_logger ('[stamp LEVEL target] msg'). A repeated error must make one signature whose
summary is the message without that header; an info or warn line that says 'error', 'failed' or
'Exception' must make none. generate.py writes them with the others; every quoted line is verbatim from
the source its SOURCES entry names."""


def register_app_formats(g):
    case, expect, text = g["case"], g["expect"], g["text"]

    # ============================== Ruby's Logger (Logger::Formatter: "%s, [%s #%d] %5s -- %s: %s") ==============================
    ui_log = "/app/log/ui.log"
    case("app-log", "ruby-logger-ui-cannot-read-post-service",
         "A Sinatra UI (the 'reddit' microservices course app) whose post service answers 500: every page load logs "
         "'E, [stamp #1] ERROR -- : service=ui | event=show_all_posts | request_id=… | message='Failed to read from Post "
         "service. …'', an INFO request line after each. The errors, request ids aside, are one signature, and its summary "
         "starts at the message: the Logger header (severity letter, stamp, pid, level, progname) is not in it.",
         "https://github.com/Otus-DevOps-2023-05/arybach_microservices (homework notes in an earlier version of README.md, 'ALL "
         "POSTS are not available. These are the logs:', Aug 2023; the first line of the block, cut by the notes, left out)",
         must=[expect("error_signature", pattern="app_error_signature", subject=ui_log, count=(5, 5),
                      summary=["since 2023-08-11T13:09:14.244140Z: service=", "Failed to read from Post service"])])(
        text("ui.log", ui_log, [
            "I, [2023-08-11T13:09:13.889871 #1]  INFO -- : service=ui | event=post_create | request_id=818ee74e-bb6b-4741-85a5-d3622a177b4a | message='Successfully created a post' | params: {\"title\":\"cool title\",\"link\":\"http://158.160.113.134:9292/new\"}",
            "I, [2023-08-11T13:09:13.890191 #1]  INFO -- : service=ui | event=request | path=/new | request_id=818ee74e-bb6b-4741-85a5-d3622a177b4a | remote_addr=110.139.196.116 | method= POST | response_status=303",
            "E, [2023-08-11T13:09:14.244140 #1] ERROR -- : service=ui | event=show_all_posts | request_id=09255b75-be43-4bbf-873e-19ffd345fd8f | message='Failed to read from Post service. Reason: 767: unexpected token at 'Internal Server Error'' | params: \"{}\"",
            "I, [2023-08-11T13:09:14.256718 #1]  INFO -- : service=ui | event=request | path=/ | request_id=09255b75-be43-4bbf-873e-19ffd345fd8f | remote_addr=110.139.196.116 | method= GET | response_status=200",
            "E, [2023-08-11T13:09:16.485568 #1] ERROR -- : service=ui | event=show_all_posts | request_id=4bf4e841-e969-4de0-ae35-fbbf7d9495a8 | message='Failed to read from Post service. Reason: 767: unexpected token at 'Internal Server Error'' | params: \"{}\"",
            "I, [2023-08-11T13:09:16.503808 #1]  INFO -- : service=ui | event=request | path=/ | request_id=4bf4e841-e969-4de0-ae35-fbbf7d9495a8 | remote_addr=110.139.196.116 | method= GET | response_status=200",
            "E, [2023-08-11T13:09:18.394232 #1] ERROR -- : service=ui | event=show_all_posts | request_id=29ed60fc-af3a-4e83-9579-5f465f2d31f3 | message='Failed to read from Post service. Reason: 767: unexpected token at 'Internal Server Error'' | params: \"{}\"",
            "I, [2023-08-11T13:09:18.406945 #1]  INFO -- : service=ui | event=request | path=/ | request_id=29ed60fc-af3a-4e83-9579-5f465f2d31f3 | remote_addr=110.139.196.116 | method= GET | response_status=200",
            "E, [2023-08-11T13:09:19.864135 #1] ERROR -- : service=ui | event=show_all_posts | request_id=a05f44d4-7bb7-4c84-8b35-c69f0209eef8 | message='Failed to read from Post service. Reason: 767: unexpected token at 'Internal Server Error'' | params: \"{}\"",
            "I, [2023-08-11T13:09:19.880760 #1]  INFO -- : service=ui | event=request | path=/ | request_id=a05f44d4-7bb7-4c84-8b35-c69f0209eef8 | remote_addr=110.139.196.116 | method= GET | response_status=200",
            "E, [2023-08-11T13:09:23.814582 #1] ERROR -- : service=ui | event=show_all_posts | request_id=337062bf-4467-4b2e-b3ec-c1ca914f0873 | message='Failed to read from Post service. Reason: 767: unexpected token at 'Internal Server Error'' | params: \"{}\"",
            "I, [2023-08-11T13:09:23.830601 #1]  INFO -- : service=ui | event=request | path=/ | request_id=337062bf-4467-4b2e-b3ec-c1ca914f0873 | remote_addr=110.139.196.116 | method= GET | response_status=200"]))

    case("app-log", "negative-ruby-logger-mongo-failover-one-error",
         "A Ruby writer (mongo gem 2.8.0) through a replica-set failover: INFO lines of inserted records, one ERROR "
         "'Mong Error seen: EOFError …', an INFO 'Retrying...', then a WARN that names 'Mongo::Error::SocketError'. "
         "The WARN is a warning whatever its text says, and one error is no signature: no incident.",
         "https://dev.to/scalegrid/connecting-mongodb-to-ruby-with-self-signed-certificates-for-ssl-1b0g (ScaleGrid, "
         "'Testing failover behavior', Ruby 2.6.3, Jun 2019; read in a stored translation that quotes the log as printed; "
         "the author's note '<<< Failover initiated here' and the backtrace line the article cut with '...' left out)",
         negative=True)(
        text("writer.log", "/srv/writer/writer.log", [
            "I, [2019-06-03T17:53:25.079829 #9464]  INFO -- : Attempting to connect...",
            "I, [2019-06-03T17:53:30.577099 #9464]  INFO -- : Record inserted - id: 5cf5113f896cd124f8f31062",
            "I, [2019-06-03T17:53:33.816528 #9464]  INFO -- : Record inserted - id: 5cf51145896cd124f8f31063",
            "I, [2019-06-03T17:53:37.047043 #9464]  INFO -- : Record inserted - id: 5cf51148896cd124f8f31064",
            "I, [2019-06-03T17:53:40.281537 #9464]  INFO -- : Record inserted - id: 5cf5114c896cd124f8f31065",
            "I, [2019-06-03T17:53:43.520010 #9464]  INFO -- : Record inserted - id: 5cf5114f896cd124f8f31066",
            "I, [2019-06-03T17:53:46.747080 #9464]  INFO -- : Record inserted - id: 5cf51152896cd124f8f31067",
            "E, [2019-06-03T17:53:52.980434 #9464] ERROR -- : Mong Error seen: EOFError: end of file reached (for x.x.x.x:27017 (sg-example-17026.servers.mongodirector.com:27017, TLS))",
            "I, [2019-06-03T17:53:52.980688 #9464]  INFO -- : Retrying...",
            "W, [2019-06-03T17:53:52.981575 #9464]  WARN -- : Retrying ismaster on sg-example-17026.servers.mongodirector.com:27017 due to: Mongo::Error::SocketError EOFError: end of file reached (for x.x.x.x:27017 (sg-example-17026.servers.mongodirector.com:27017, TLS))",
            "I, [2019-06-03T17:54:06.293100 #9464]  INFO -- : Record inserted - id: 5cf51163896cd124f8f3106a",
            "I, [2019-06-03T17:54:09.547716 #9464]  INFO -- : Record inserted - id: 5cf51169896cd124f8f3106b",
            "I, [2019-06-03T17:54:12.806636 #9464]  INFO -- : Record inserted - id: 5cf5116c896cd124f8f3106c"]))

    # ============================== .NET console logger: "fail: Category[EventId]", the message indented below ==============================
    api_log = "/app/logs/api.log"
    case("app-log", "dotnet-console-kestrel-unhandled-exception-twice",
         "An ASP.NET Core API (Tranga v2) on the Microsoft.Extensions.Logging console format: two requests fail alike, "
         "'fail: Microsoft.AspNetCore.Server.Kestrel[13]' with 'Connection id \"…\", Request id \"…\": An unhandled "
         "exception was thrown by the application.' indented under it. Each record is one event; the two, connection ids "
         "aside, are one signature whose summary starts at the message, without the 'fail: Category[13]' header.",
         "https://github.com/C9Glax/tranga/issues/504 (Tranga API container output, 2025; of each record its header and "
         "message line, the exception and stack frames under them left out)",
         must=[expect("error_signature", pattern="app_error_signature", subject=api_log, count=(2, 2),
                      summary=["Z: Connection id", "An unhandled exception was thrown by the application"])])(
        text("api.log", api_log, [
            "fail: Microsoft.AspNetCore.Server.Kestrel[13]",
            "      Connection id \"0HNH30RGF5AKV\", Request id \"0HNH30RGF5AKV:00000001\": An unhandled exception was thrown by the application.",
            "fail: Microsoft.AspNetCore.Server.Kestrel[13]",
            "      Connection id \"0HNH30RGF5AMA\", Request id \"0HNH30RGF5AMA:00000001\": An unhandled exception was thrown by the application."]))

    case("app-log", "negative-dotnet-console-masstransit-broker-unreachable-warning",
         "A MassTransit consumer (.NET console format) while RabbitMQ restarts: info records of its iterations and of "
         "the bus disconnecting and connecting, then 'warn: MassTransit[0] Retrying 00:00:06.2240000: Broker unreachable' "
         "followed by the exception ('…RabbitMqConnectionException: Broker unreachable …', ' ---> …Exception: …', frames). "
         "A warning and its exception text are no error signature.",
         "https://github.com/MassTransit/MassTransit/issues/2072 (phatboyg's run of the consumer, Dec 2020; the frames "
         "after the first, and the line the issue cut, left out)",
         negative=True)(
        text("consumer.log", "/app/logs/consumer.log", [
            "info: Consumer[0]",
            "      Iteration `29`",
            "info: Consumer[0]",
            "      Iteration `29` closed",
            "info: Consumer[0]",
            "      Iteration `30`",
            "info: MassTransit[0]",
            "      Disconnect: admin@localhost:5672/",
            "info: MassTransit[0]",
            "      Disconnected: admin@localhost:5672/",
            "info: MassTransit[0]",
            "      Connect: admin@localhost:5672/",
            "warn: MassTransit[0]",
            "      Retrying 00:00:06.2240000: Broker unreachable: admin@localhost:5672/",
            "MassTransit.RabbitMqTransport.RabbitMqConnectionException: Broker unreachable: admin@localhost:5672/",
            " ---> RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable",
            " ---> System.IO.IOException: connection.start was never received, likely due to a network timeout",
            "   at RabbitMQ.Client.Framing.Impl.Connection.StartAndTune()"]))

    # ============================== Serilog's console template: "[HH:mm:ss LVL] [SourceContext] msg" ==============================
    case("app-log", "negative-serilog-nservicebus-reconnect-failed-info",
         "An NServiceBus endpoint (Serilog console, '[14:53:49 WRN] [RabbitMQ.Client.IConnection] …') while its broker "
         "shuts down: one WRN 'connection shutdown', then INF 'Attempting to reconnect in 10 seconds.' and INF "
         "'Reconnecting to the broker failed:' with the exception 'BrokerUnreachableException' under it. Serilog's "
         "three-letter levels are read; information that says 'failed' is no error: no incident.",
         "https://github.com/Particular/NServiceBus.RabbitMQ/pull/1406 (adamralph's description, the endpoint's "
         "output before the change, May 2024; the author's '-- STACK TRACE EXCLUDED--' left out)",
         negative=True)(
        text("endpoint.log", "/app/logs/endpoint.log", [
            "[14:53:49 WRN] [RabbitMQ.Client.IConnection] 'TestDomain Publish' connection shutdown: AMQP close-reason, initiated by Peer, code=320, text='CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'', classId=0, methodId=0",
            "[14:53:49 INF] [NServiceBus.Transport.RabbitMQ.ChannelProvider] 'TestDomain Publish': Attempting to reconnect in 10 seconds.",
            "[14:54:04 INF] [NServiceBus.Transport.RabbitMQ.ChannelProvider] 'TestDomain Publish': Reconnecting to the broker failed:",
            "RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable",
            "[14:54:04 INF] [NServiceBus.Transport.RabbitMQ.ChannelProvider] 'TestDomain Publish': Attempting to reconnect in 10 seconds."]))

    # ============================== Python's logging.basicConfig: "LEVEL:logger:message" ==============================
    case("app-log", "python-basicconfig-hashlib-code-for-hash-not-found",
         "A Python 2.7 built without OpenSSL's hashes imports hashlib (Mumble's release tooling): the logging default "
         "'ERROR:root:code for hash md5 was not found.', its traceback under it, then the same for sha1. Each record, "
         "traceback and all, is one event; the two, the hash's name aside, are one signature whose summary starts at "
         "'code for hash', without 'ERROR:root:'.",
         "https://github.com/mumble-voip/mumble-releng/issues/19 (zero-ermine-ld.py's output, CentOS build, Oct 2015; the "
         "shell's '+ zero-ermine-ld.py' trace line before it and the records after sha1's, cut by the issue's excerpt, left out)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/log/releng/build.log", count=(2, 2),
                      summary=["Z: code for hash", "was not found"])])(
        text("build.log", "/var/log/releng/build.log", [
            "ERROR:root:code for hash md5 was not found.",
            "Traceback (most recent call last):",
            "  File \"/MumbleBuild/centos-ermine-1.3.x-2015-10-17-765bc7f-521~dirty/lib/python2.7/hashlib.py\", line 147, in <module>",
            "    globals()[__func_name] = __get_hash(__func_name)",
            "  File \"/MumbleBuild/centos-ermine-1.3.x-2015-10-17-765bc7f-521~dirty/lib/python2.7/hashlib.py\", line 97, in __get_builtin_constructor",
            "    raise ValueError('unsupported hash type ' + name)",
            "ValueError: unsupported hash type md5",
            "ERROR:root:code for hash sha1 was not found.",
            "Traceback (most recent call last):",
            "  File \"/MumbleBuild/centos-ermine-1.3.x-2015-10-17-765bc7f-521~dirty/lib/python2.7/hashlib.py\", line 147, in <module>",
            "    globals()[__func_name] = __get_hash(__func_name)",
            "  File \"/MumbleBuild/centos-ermine-1.3.x-2015-10-17-765bc7f-521~dirty/lib/python2.7/hashlib.py\", line 97, in __get_builtin_constructor",
            "    raise ValueError('unsupported hash type ' + name)",
            "ValueError: unsupported hash type sha1"]))

    # ============================== Rust's env_logger: "[stamp LEVEL target] msg" ==============================
    case("app-log", "negative-env-logger-librespot-mdns-warnings",
         "librespot 0.5.0-dev (env_logger's '[2024-06-24T00:18:58Z WARN  libmdns::fsm] …'): at start, info lines of its "
         "audio setup and session, and twice 'WARN … error sending packet Os { … HostUnreachable … }'. The lines say "
         "'error' but are warnings: no incident.",
         "https://github.com/librespot-org/librespot/issues/1151 (JCBird1012's librespot log on macOS, Jun 2024; the "
         "last line, cut by the issue, left out)",
         negative=True)(
        text("librespot.log", "/var/log/librespot.log", [
            "[2024-06-24T00:18:54Z INFO  librespot] librespot 0.5.0-dev cdff6da (Built on 2024-06-24, Build ID: cGn8N5Z2, Profile: release)",
            "[2024-06-24T00:18:54Z INFO  librespot_playback::mixer::softmixer] Mixing with softvol and volume control: Log(60.0)",
            "[2024-06-24T00:18:54Z INFO  librespot_playback::convert] Converting with ditherer: tpdf",
            "[2024-06-24T00:18:54Z INFO  librespot_playback::audio_backend::rodio] Using Rodio sink with format S16 and cpal host: CoreAudio",
            "[2024-06-24T00:18:55Z INFO  librespot_playback::audio_backend::rodio] Using audio device: MacBook Pro Speakers",
            "[2024-06-24T00:18:58Z WARN  libmdns::fsm] error sending packet Os { code: 65, kind: HostUnreachable, message: \"No route to host\" }",
            "[2024-06-24T00:18:59Z WARN  libmdns::fsm] error sending packet Os { code: 65, kind: HostUnreachable, message: \"No route to host\" }",
            "[2024-06-24T00:19:00Z INFO  librespot_core::session] Connecting to AP \"ap-gue1.spotify.com:4070\"",
            "[2024-06-24T00:19:00Z INFO  librespot_core::session] Authenticated as \"1225120197\" !",
            "[2024-06-24T00:19:00Z INFO  librespot_core::session] Country: \"US\"",
            "[2024-06-24T00:19:00Z INFO  librespot_core::spclient] Resolved \"gue1-spclient.spotify.com:443\" as spclient access point"]))
