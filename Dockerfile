# syntax=docker/dockerfile:1
# Build: a production jar (no npm: Vaadin uses its pre-compiled production bundle), tests run in CI.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction || true
COPY frontend frontend
COPY src src
RUN ./mvnw -B -Pproduction -DskipTests package && cp target/practicalcrm-*.jar /src/app.jar

# Run: JRE only, non-root, configured by environment variables (see README). libturbojpeg (Ubuntu's name of
# Debian's libturbojpeg0): avatars decode JPEGs scaled with it; without it they fall back to ImageIO, slower.
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl libturbojpeg && rm -rf /var/lib/apt/lists/* \
    && groupadd --system app && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER app
ENV PORT=8080 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
