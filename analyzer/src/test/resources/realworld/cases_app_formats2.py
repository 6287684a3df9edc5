"""More application-log cases of the real-world corpus in widespread formats: Rails' production log behind
ActiveSupport::TaggedLogging's request tag ('F, [stamp #pid] FATAL -- : [request-id] …'), as `heroku logs`
prints it ('stamp app[web.1]: …'), and zap's console encoder (time, level, caller, message and the JSON
context, tab-separated). One Rails error is one error line, not four: the blank FATAL lines around the
exception and the frame lines under it are no errors of their own. A zap error repeated is one signature
whose summary starts at the message, without the caller. generate.py writes them with the others; every
quoted line is verbatim from the source its SOURCES entry names."""


def register_app_formats2(g):
    case, expect, text = g["case"], g["expect"], g["text"]

    # ============================== Rails 5 on Heroku: each line of an error its own tagged FATAL record ==============================
    quiz_log = "/var/log/heroku/quiet-earth-39423.log"
    case("app-log", "negative-rails5-heroku-one-error-blank-fatal-lines",
         "A Rails 5 app on Heroku (`heroku logs`: the router's stamp and 'app[web.1]:' before Ruby's Logger line, "
         "config.log_tags = [:request_id]): a quiz's POST fails, 'Completed 500', then four FATAL records of the request, "
         "'[3d1855e6-…]' alone, '[3d1855e6-…] NoMethodError (undefined method `[]' for nil:NilClass):', the tag alone "
         "again and the app's frame 'app/controllers/quizes_controller.rb:64:in `start''. One error is no signature: "
         "the two blank FATAL lines are no error template of their own, the frame is part of the error: no incident.",
         "https://github.com/DhruvBachani/Quiz- (README.md, 'Herkou Logs', Jun 2021, commit 9590295; the requests before "
         "this one and the restart after it left out)",
         negative=True)(
        text("heroku.log", quiz_log, [
            "2021-06-17T22:55:15.477490+00:00 app[web.1]: I, [2021-06-17T22:55:15.477333 #4]  INFO -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] Started POST \"/start\" for 120.21.85.64 at 2021-06-17 22:55:15 +0000",
            "2021-06-17T22:55:15.478408+00:00 app[web.1]: I, [2021-06-17T22:55:15.478281 #4]  INFO -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] Processing by QuizesController#start as HTML",
            "2021-06-17T22:55:15.478504+00:00 app[web.1]: I, [2021-06-17T22:55:15.478416 #4]  INFO -- : [3d1855e6-688c-4d33-92b3-c43714059c8f]   Parameters: {\"authenticity_token\"=>\"7cl45znt/E0HKsmIvHmtN2j3nKiTsr9OK/q6ldYdE39UiCS9xArUyERurl7lhwKlcecGeR/+tiCm5HVLR6z2Zg==\"}",
            "2021-06-17T22:55:15.480963+00:00 app[web.1]: I, [2021-06-17T22:55:15.480876 #4]  INFO -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] Completed 500 Internal Server Error in 2ms (ActiveRecord: 0.0ms)",
            "2021-06-17T22:55:15.481622+00:00 app[web.1]: F, [2021-06-17T22:55:15.481534 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f]",
            "2021-06-17T22:55:15.481726+00:00 app[web.1]: F, [2021-06-17T22:55:15.481645 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] NoMethodError (undefined method `[]' for nil:NilClass):",
            "2021-06-17T22:55:15.481819+00:00 app[web.1]: F, [2021-06-17T22:55:15.481736 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f]",
            "2021-06-17T22:55:15.481912+00:00 app[web.1]: F, [2021-06-17T22:55:15.481840 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] app/controllers/quizes_controller.rb:64:in `start'",
            "2021-06-17T22:55:15.484472+00:00 heroku[router]: at=info method=POST path=\"/start\" host=quiet-earth-39423.herokuapp.com request_id=3d1855e6-688c-4d33-92b3-c43714059c8f fwd=\"120.21.85.64\" dyno=web.1 connect=1ms service=9ms status=500 bytes=1827 protocol=https"]))

    # ============================== Rails 5.1 on Heroku: the FATAL lines, then the backtrace as one tagged message ==============================
    atoll_log = "/var/log/heroku/quiet-atoll-36578.log"
    case("app-log", "negative-rails51-heroku-omniauth-failure-then-routing-error",
         "A Rails 5.1.7 app on Heroku signing in with Twitter: omniauth logs 'E, … ERROR -- omniauth: (twitter) "
         "Authentication failure! ActionController::InvalidAuthenticityToken …', then the failure path has no route: "
         "FATAL '[3a3a6ce6-…]' alone, 'ActionController::RoutingError (No route matches [GET] \"/auth/failure\"):', the "
         "tag alone, a gem's frame 'vendor/bundle/…/debug_exceptions.rb:63:in `call'', and the rest of the backtrace, "
         "twenty '[3a3a6ce6-…] vendor/bundle/…' lines without a Logger header. Two different errors once each, the blank "
         "FATAL lines and the frames no errors of their own: no incident.",
         "https://github.com/s3850034/RAD2021_s3846390_s3850034 (the repository its README names; the README, 'Heroku "
         "Deployment Log', May 2021, read in a code index that stores it under no repository; the requests before "
         "these, and the last two lines the README repeats, one of them wrapped, left out)",
         negative=True)(
        text("heroku.log", atoll_log, [
            "2021-05-24T01:49:54.913965+00:00 app[web.1]: I, [2021-05-24T01:49:54.913803 #4]  INFO -- : [33eab2d7-ecbb-4a77-8073-e077ff9783d7] Started POST \"/auth/twitter\" for 120.148.77.119 at 2021-05-24 01:49:54 +0000",
            "2021-05-24T01:49:54.914482+00:00 app[web.1]: D, [2021-05-24T01:49:54.914344 #4] DEBUG -- omniauth: (twitter) Request phase initiated.",
            "2021-05-24T01:49:54.915330+00:00 app[web.1]: E, [2021-05-24T01:49:54.915266 #4] ERROR -- omniauth: (twitter) Authentication failure! ActionController::InvalidAuthenticityToken: ActionController::InvalidAuthenticityToken, ActionController::InvalidAuthenticityToken",
            "2021-05-24T01:49:54.916479+00:00 heroku[router]: at=info method=POST path=\"/auth/twitter\" host=quiet-atoll-36578.herokuapp.com request_id=33eab2d7-ecbb-4a77-8073-e077ff9783d7 fwd=\"120.148.77.119\" dyno=web.1 connect=1ms service=7ms status=302 bytes=881 protocol=https",
            "2021-05-24T01:49:55.154583+00:00 app[web.1]: F, [2021-05-24T01:49:55.154494 #4] FATAL -- : [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e]",
            "2021-05-24T01:49:55.156568+00:00 app[web.1]: F, [2021-05-24T01:49:55.156450 #4] FATAL -- : [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] ActionController::RoutingError (No route matches [GET] \"/auth/failure\"):",
            "2021-05-24T01:49:55.156759+00:00 app[web.1]: F, [2021-05-24T01:49:55.156644 #4] FATAL -- : [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e]",
            "2021-05-24T01:49:55.156953+00:00 app[web.1]: F, [2021-05-24T01:49:55.156835 #4] FATAL -- : [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/actionpack-5.1.7/lib/action_dispatch/middleware/debug_exceptions.rb:63:in `call'",
            "2021-05-24T01:49:55.156954+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/actionpack-5.1.7/lib/action_dispatch/middleware/show_exceptions.rb:31:in `call'",
            "2021-05-24T01:49:55.156955+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/railties-5.1.7/lib/rails/rack/logger.rb:36:in `call_app'",
            "2021-05-24T01:49:55.156956+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/railties-5.1.7/lib/rails/rack/logger.rb:24:in `block in call'",
            "2021-05-24T01:49:55.156956+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/activesupport-5.1.7/lib/active_support/tagged_logging.rb:69:in `block in tagged'",
            "2021-05-24T01:49:55.156957+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/activesupport-5.1.7/lib/active_support/tagged_logging.rb:26:in `tagged'",
            "2021-05-24T01:49:55.156957+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/activesupport-5.1.7/lib/active_support/tagged_logging.rb:69:in `tagged'",
            "2021-05-24T01:49:55.156957+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/railties-5.1.7/lib/rails/rack/logger.rb:24:in `call'",
            "2021-05-24T01:49:55.156958+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/actionpack-5.1.7/lib/action_dispatch/middleware/remote_ip.rb:79:in `call'",
            "2021-05-24T01:49:55.156958+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/actionpack-5.1.7/lib/action_dispatch/middleware/request_id.rb:25:in `call'",
            "2021-05-24T01:49:55.156959+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/rack-2.2.3/lib/rack/method_override.rb:24:in `call'",
            "2021-05-24T01:49:55.156959+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/rack-2.2.3/lib/rack/runtime.rb:22:in `call'",
            "2021-05-24T01:49:55.156960+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/activesupport-5.1.7/lib/active_support/cache/strategy/local_cache_middleware.rb:27:in `call'",
            "2021-05-24T01:49:55.156961+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/actionpack-5.1.7/lib/action_dispatch/middleware/executor.rb:12:in `call'",
            "2021-05-24T01:49:55.156961+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/actionpack-5.1.7/lib/action_dispatch/middleware/static.rb:125:in `call'",
            "2021-05-24T01:49:55.156961+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/rack-2.2.3/lib/rack/sendfile.rb:110:in `call'",
            "2021-05-24T01:49:55.156962+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/railties-5.1.7/lib/rails/engine.rb:522:in `call'",
            "2021-05-24T01:49:55.156962+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/puma-3.12.6/lib/puma/configuration.rb:227:in `call'",
            "2021-05-24T01:49:55.156962+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/puma-3.12.6/lib/puma/server.rb:706:in `handle_request'",
            "2021-05-24T01:49:55.156963+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/puma-3.12.6/lib/puma/server.rb:476:in `process_client'",
            "2021-05-24T01:49:55.156963+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/puma-3.12.6/lib/puma/server.rb:334:in `block in run'",
            "2021-05-24T01:49:55.156964+00:00 app[web.1]: [3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e] vendor/bundle/ruby/2.6.0/gems/puma-3.12.6/lib/puma/thread_pool.rb:135:in `block in spawn_thread'",
            "2021-05-24T01:49:55.157450+00:00 heroku[router]: at=info method=GET path=\"/auth/failure?message=ActionController%3A%3AInvalidAuthenticityToken&strategy=twitter\" host=quiet-atoll-36578.herokuapp.com request_id=3a3a6ce6-2d6f-4bd6-9e97-a4ab9179584e fwd=\"120.148.77.119\" dyno=web.1 connect=1ms service=9ms status=404 bytes=1902 protocol=https"]))

    # ============================== Rails 5.2 on Heroku: a template's error, its source extract and template frames ==============================
    signup_log = "/var/log/heroku/limitless-woodland-81215.log"
    case("app-log", "negative-rails52-heroku-template-error-source-extract",
         "A Rails 5.2 app on Heroku renders its sign-up form with a field the model lacks: 'Completed 500', then FATAL "
         "'[e5fa3537-…]' alone, 'ActionView::Template::Error (undefined method `username' for #<User:…>):', the template's "
         "source around the failing line ('    1: <%= form_for(@user) do |f| %>' a FATAL record, the rest lines of it), "
         "the tag alone, and the template frames ('app/views/users/_form.html.erb:4:in `block in …''). One error: the "
         "source extract, the .html.erb frames and the blank lines are no errors of their own: no incident.",
         "https://github.com/s3620189/rad_a (README.md, 'heroku log', May 2020; the requests before and after this one "
         "left out)",
         negative=True)(
        text("heroku.log", signup_log, [
            "2020-05-31T01:21:07.535988+00:00 app[web.1]: I, [2020-05-31T01:21:07.535892 #14]  INFO -- : [e5fa3537-a969-4696-83be-0cedf9f8341d] Started GET \"/signup\" for 119.123.67.227 at 2020-05-31 01:21:07 +0000",
            "2020-05-31T01:21:07.536823+00:00 app[web.1]: I, [2020-05-31T01:21:07.536755 #14]  INFO -- : [e5fa3537-a969-4696-83be-0cedf9f8341d] Processing by UsersController#new as HTML",
            "2020-05-31T01:21:07.689826+00:00 app[web.1]: I, [2020-05-31T01:21:07.689698 #14]  INFO -- : [e5fa3537-a969-4696-83be-0cedf9f8341d]   Rendering users/new.html.erb within layouts/application",
            "2020-05-31T01:21:07.694293+00:00 app[web.1]: I, [2020-05-31T01:21:07.694219 #14]  INFO -- : [e5fa3537-a969-4696-83be-0cedf9f8341d]   Rendered shared/_error_messages.html.erb (0.6ms)",
            "2020-05-31T01:21:08.395652+00:00 app[web.1]: I, [2020-05-31T01:21:08.395532 #14]  INFO -- : [e5fa3537-a969-4696-83be-0cedf9f8341d]   Rendered users/_form.html.erb (704.4ms)",
            "2020-05-31T01:21:08.395763+00:00 app[web.1]: I, [2020-05-31T01:21:08.395704 #14]  INFO -- : [e5fa3537-a969-4696-83be-0cedf9f8341d]   Rendered users/new.html.erb within layouts/application (705.8ms)",
            "2020-05-31T01:21:08.396121+00:00 app[web.1]: I, [2020-05-31T01:21:08.396041 #14]  INFO -- : [e5fa3537-a969-4696-83be-0cedf9f8341d] Completed 500 Internal Server Error in 859ms (ActiveRecord: 96.7ms)",
            "2020-05-31T01:21:08.396873+00:00 app[web.1]: F, [2020-05-31T01:21:08.396811 #14] FATAL -- : [e5fa3537-a969-4696-83be-0cedf9f8341d]",
            "2020-05-31T01:21:08.396930+00:00 app[web.1]: F, [2020-05-31T01:21:08.396876 #14] FATAL -- : [e5fa3537-a969-4696-83be-0cedf9f8341d] ActionView::Template::Error (undefined method `username' for #<User:0x0000562003cf43f0>):",
            "2020-05-31T01:21:08.397175+00:00 app[web.1]: F, [2020-05-31T01:21:08.397085 #14] FATAL -- : [e5fa3537-a969-4696-83be-0cedf9f8341d]     1: <%= form_for(@user) do |f| %>",
            "2020-05-31T01:21:08.397176+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d]     2:   <%= render 'shared/error_messages', object: @user %>",
            "2020-05-31T01:21:08.397176+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d]     3:   <%= f.label :username %>",
            "2020-05-31T01:21:08.397177+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d]     4:   <%= f.text_field :username, class: 'form-control' %>",
            "2020-05-31T01:21:08.397177+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d]     5:   <%= f.label :phone %>",
            "2020-05-31T01:21:08.397196+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d]     6:   <%= f.text_field :phone, class: 'form-control' %>",
            "2020-05-31T01:21:08.397196+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d]     7:   <%= f.label :email %>",
            "2020-05-31T01:21:08.397274+00:00 app[web.1]: F, [2020-05-31T01:21:08.397172 #14] FATAL -- : [e5fa3537-a969-4696-83be-0cedf9f8341d]",
            "2020-05-31T01:21:08.397370+00:00 app[web.1]: F, [2020-05-31T01:21:08.397294 #14] FATAL -- : [e5fa3537-a969-4696-83be-0cedf9f8341d] app/views/users/_form.html.erb:4:in `block in _app_views_users__form_html_erb__4023281718931426045_47347749621780'",
            "2020-05-31T01:21:08.397371+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d] app/views/users/_form.html.erb:1:in `_app_views_users__form_html_erb__4023281718931426045_47347749621780'",
            "2020-05-31T01:21:08.397371+00:00 app[web.1]: [e5fa3537-a969-4696-83be-0cedf9f8341d] app/views/users/new.html.erb:6:in `_app_views_users_new_html_erb___3313636642057705402_47347749728700'",
            "2020-05-31T01:21:08.400343+00:00 heroku[router]: at=info method=GET path=\"/signup\" host=limitless-woodland-81215.herokuapp.com request_id=e5fa3537-a969-4696-83be-0cedf9f8341d fwd=\"119.123.67.227\" dyno=web.1 connect=0ms service=864ms status=500 bytes=1891 protocol=https"]))

    # ============================== zap's console encoder: time, level, caller, message, context, tab-separated ==============================
    collector_log = "/var/log/otelcol/otelcol.log"
    case("app-log", "zap-console-otel-collector-exporting-failed-twice",
         "An OpenTelemetry Collector v0.117.0 (zap's console encoder, 'stamp<TAB>error<TAB>internal/queue_sender.go:103"
         "<TAB>Exporting failed. Dropping data.<TAB>{…}') whose OTLP backend times out: twice the exporter drops a batch, "
         "each error with zap's stack trace under it. The two, item counts aside, are one signature whose summary starts "
         "at the message: the caller 'internal/queue_sender.go:103' is zap's header, not part of it.",
         "https://github.com/open-telemetry/opentelemetry-collector/issues/12451 (adithya-r-nathan's collector log, "
         "Feb 2025; the frames the issue cut after the second error's first, and those before the first error, left out)",
         must=[expect("error_signature", pattern="app_error_signature", subject=collector_log, count=(2, 2),
                      summary=["Z: Exporting failed. Dropping data."])])(
        text("otelcol.log", collector_log, [
            "2025-02-20T15:30:17.360Z\terror\tinternal/queue_sender.go:103\tExporting failed. Dropping data.\t{\"kind\": \"exporter\", \"data_type\": \"logs\", \"name\": \"otlp\", \"error\": \"no more retries left: rpc error: code = DeadlineExceeded desc = context deadline exceeded\", \"dropped_items\": 26}",
            "go.opentelemetry.io/collector/exporter/exporterhelper/internal.NewQueueSender.func1",
            "\tgo.opentelemetry.io/collector/exporter@v0.117.0/exporterhelper/internal/queue_sender.go:103",
            "go.opentelemetry.io/collector/exporter/internal/queue.(*Consumers[...]).Start.func1",
            "\tgo.opentelemetry.io/collector/exporter@v0.117.0/internal/queue/consumers.go:43",
            "2025-02-20T15:30:18.307Z\terror\tinternal/queue_sender.go:103\tExporting failed. Dropping data.\t{\"kind\": \"exporter\", \"data_type\": \"logs\", \"name\": \"otlp\", \"error\": \"no more retries left: rpc error: code = DeadlineExceeded desc = context deadline exceeded\", \"dropped_items\": 4}",
            "go.opentelemetry.io/collector/exporter/exporterhelper/internal.NewQueueSender.func1",
            "\tgo.opentelemetry.io/collector/exporter@v0.117.0/exporterhelper/internal/queue_sender.go:103"]))
