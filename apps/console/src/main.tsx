import { createRoot } from "react-dom/client";
import { App } from "./app";
import { loadFirstPage } from "./routes";

// A page's code that fails to load shows its error where the page would be, as on any later visit.
void loadFirstPage()
  .catch(() => undefined)
  .then(() => createRoot(document.getElementById("root")!).render(<App />));
