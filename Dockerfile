# Vigil's image: one jar, every command (vigil ship, analyze, alertmanager, webhook, …).
#   docker build -t vigil .
#   docker run --rm vigil --version
# docker-compose.yml builds and runs it beside Kafka and Alertmanager.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY patterns patterns
COPY broker broker
COPY shippers shippers
COPY analyzer analyzer
COPY scenarios scenarios
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# journalctl: the shipper reads the journal through it
RUN apt-get update \
    && apt-get install -y --no-install-recommends systemd \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /var/lib/vigil --create-home vigil
COPY --from=build /src/analyzer/target/vigil.jar /opt/vigil/vigil.jar
USER vigil
WORKDIR /var/lib/vigil
# the launcher's defaults for long-running commands; override with JAVA_TOOL_OPTIONS
ENV JAVA_TOOL_OPTIONS="-Xms64m -Xmx512m -XX:+UseSerialGC"
ENTRYPOINT ["java", "-jar", "/opt/vigil/vigil.jar"]
CMD ["--help"]
