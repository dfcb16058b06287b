export { INVENTORY_QUERIES } from "./inventory-queries.js";
export { appleCommandFor, type AppleCommandContext } from "./meridian-command.js";
