# One image for every Callgrade process; the command picks the app (see docker-compose.yml).
# Node.js 24, an LTS line supported until April 2028 (the code also runs on Node 20.19+ for development).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends sox libsox-fmt-all ffmpeg pocketsphinx pocketsphinx-en-us \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Recordings (a volume) and the recogniser's dictionary cache beside them belong to the app user.
RUN mkdir -p /var/lib/callgrade/recordings /var/lib/callgrade/cache && chown -R node:node /var/lib/callgrade
USER node
EXPOSE 3000
CMD ["node", "dist/apps/platform/src/main.js"]
