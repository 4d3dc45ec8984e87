/**
 * The docs page of a component, as every component's stories declare it in
 * `parameters`: what it is for, how to try it here, and what assistive technology
 * gets. The props table below it comes from the component's prop types and their
 * JSDoc (`Default: ...` gives the Default column; see .storybook/argTypes.ts).
 *
 * ```ts
 * const meta = {
 *   title: 'Components/PlanPicker',
 *   component: PlanPicker,
 *   parameters: docsPage({ use: '...', tryIt: '...', accessibility: ['...'] }),
 * } satisfies Meta<Args>;
 * ```
 */
export interface DocsPage {
  /** When to reach for the component: one or two sentences, for the page's opening. */
  use: string;
  /** What to change in Controls or the toolbar to walk through its states. */
  tryIt?: string;
  /** What keyboard and screen-reader users get, one behaviour a line. */
  accessibility: string[];
  /**
   * Render each story on the page in a frame of this height (px) instead of inline:
   * for modals, which would otherwise cover (and make inert) the whole docs page.
   */
  framed?: number;
}

export function docsPage({ use, tryIt, accessibility, framed }: DocsPage) {
  const sections = [use, tryIt && `**Try it:** ${tryIt}`, `### Accessibility\n\n${accessibility.map((line) => `- ${line}`).join('\n')}`];
  return {
    docs: {
      description: { component: sections.filter(Boolean).join('\n\n') },
      ...(framed !== undefined && { story: { inline: false, iframeHeight: framed } }),
    },
  };
}
