/** jsdom has no ResizeObserver (Fluent's MessageBar uses it; Excel's webviews have it). */
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
const w = window as unknown as { ResizeObserver?: unknown };
if (!w.ResizeObserver) w.ResizeObserver = NoopResizeObserver;
