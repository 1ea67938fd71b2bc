// Vite build of the PWA: React, the web app manifest and a Workbox service worker that precaches the shell.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import pkg from "./package.json" with { type: "json" };
import { precompress } from "./vite-precompress.ts";

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: "prompt",
      injectRegister: null,
      includeAssets: ["favicon.svg"],
      manifest: {
        name: "整改通 Rectify",
        short_name: "整改通",
        description: "巡视整改台账、现场督查与销号管理",
        lang: "zh-CN",
        id: "/",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        theme_color: "#b71c1c",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // The first visit's page is controlled at once (offline right away); later versions still wait for "更新".
        clientsClaim: true,
        navigateFallback: "/index.html",
        // Pages the server renders itself (downloads, notices, public disclosure, QR posters) must reach it, not
        // the app shell: every path the server routes besides the PWA is listed here.
        navigateFallbackDenylist: [
          /^\/graphql/,
          /^\/files\//,
          /^\/uploads\//,
          /^\/exports\//,
          /^\/notices\//,
          /^\/public\//,
          /^\/qr\//,
          /^\/healthz/,
        ],
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
      },
    }),
    precompress(),
  ],
  // Shown in settings, so a support call can tell which build a phone runs.
  define: { __APP_VERSION__: JSON.stringify(`${pkg.version} (${new Date().toISOString().slice(0, 10)})`) },
  // `vite dev` next to a running server: everything the server routes goes to it.
  server: {
    proxy: Object.fromEntries(
      ["/graphql", "/files", "/uploads", "/exports", "/notices", "/public", "/qr"].map((p) => [
        p,
        "http://localhost:4000",
      ]),
    ),
  },
  build: { target: "es2022", sourcemap: false },
});
