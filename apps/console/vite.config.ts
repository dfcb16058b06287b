import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The console is served by the server under /console; the API it calls is on the same origin. */
export default defineConfig({
  base: "/console/",
  plugins: [react()],
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
            { name: "charts", test: /node_modules[\\/](recharts|@mantine[\\/]charts|d3-|victory|decimal)/ },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080", "/healthz": "http://127.0.0.1:8080" } },
});
