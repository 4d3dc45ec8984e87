// main.ts sets `strictMode`, which Storybook's builder passes to the UI as FRAMEWORK_OPTIONS; Vitest runs stories without it. Set
// before the React renderer loads (it reads the global once), so tests render in Strict Mode too.
(globalThis as { FRAMEWORK_OPTIONS?: unknown }).FRAMEWORK_OPTIONS = { strictMode: true };
