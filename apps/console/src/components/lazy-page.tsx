import { lazy, useState, type ComponentType } from "react";

/** A page whose code loads on first use, or earlier when asked to (see loadFirstPage in routes.tsx). */
export type LazyPage = ComponentType & { load(): Promise<unknown> };

/**
 * Like React.lazy, except that a page whose code has already loaded renders at once: React.lazy
 * suspends on first render even then, and React holds back what a Suspense boundary reveals for up to
 * 300 ms after its fallback appeared.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<unknown> | undefined;
  const once = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(once as () => Promise<{ default: ComponentType }>);
  function Page() {
    // Chosen once per mount: switching from one to the other later would mount the page again.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return Object.assign(Page, { load: once });
}
