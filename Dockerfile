# Build: the whole workspace, release profile.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin mfx \
 && install -D -m 0755 target/release/mfx /out/mfx

# Run: a small Debian with no build tools, as an unprivileged user.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/mfx --create-home --uid 10001 mfx
COPY --from=build /out/mfx /usr/local/bin/mfx
USER mfx
WORKDIR /var/lib/mfx
ENV MFX_BIND=0.0.0.0:8080 \
    MFX_DATA_DIR=/var/lib/mfx \
    MFX_LOG_FORMAT=json \
    MALLOC_ARENA_MAX=2
VOLUME ["/var/lib/mfx"]
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/mfx"]
CMD ["serve"]
