import { meridianProject } from "../../vitest.shared.js";

export default meridianProject("apple-mdm");
