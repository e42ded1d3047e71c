// Starts the calculator's engine from the page's <head>, as early as the
// browser can: this module is loaded `async`, so it runs as soon as it
// arrives, before Material's bundle and the rest of the page. The engine's
// file URLs are on this script's own element.
import { engineConfig, startEngine } from "./calculator-engine.js";

const element = document.querySelector("script[data-calculator-boot]");
if (element && typeof WebAssembly === "object") startEngine(engineConfig(element));
