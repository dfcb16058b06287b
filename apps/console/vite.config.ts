import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { firstScreen } from "./vite-plugins/first-screen";
import { precompress } from "./vite-plugins/precompress";

/** The console is served by the server under /console; the API it calls is on the same origin. */
export default defineConfig({
  base: "/console/",
  plugins: [
    react(),
    // The pages the console is most often opened on: their code and first data load with index.html.
    firstScreen({
      "": "src/pages/dashboard/dashboard-page.tsx",
      dashboard: "src/pages/dashboard/dashboard-page.tsx",
      devices: "src/pages/devices/devices-page.tsx",
      "devices/*": "src/pages/devices/device-page.tsx",
      users: "src/pages/users/users-page.tsx",
      "users/*": "src/pages/users/user-page.tsx",
      groups: "src/pages/groups/groups-page.tsx",
      "groups/*": "src/pages/groups/groups-page.tsx",
      audit: "src/pages/audit/audit-page.tsx",
      profiles: "src/pages/profiles/profiles-page.tsx",
      "settings/*": "src/pages/settings/settings-page.tsx",
    }),
    precompress(),
  ],
  // Mantine's packages are installed at two levels of the workspace; one copy keeps one React context.
  resolve: { dedupe: ["react", "react-dom", "@mantine/core", "@mantine/hooks"] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Libraries change less often than pages: their own chunks stay cached across console releases.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/](core|hooks|notifications)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080", "/healthz": "http://127.0.0.1:8080" } },
});
