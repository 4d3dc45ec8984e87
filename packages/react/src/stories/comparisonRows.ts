/**
 * The rows of a plan comparison (UpgradeModal, TrialModal) as screen readers get
 * them: each row's sentence ("Projects: 3 now, 20 with Pro"), not its signs.
 */
export function spokenRows(list: HTMLElement): Array<string | null | undefined> {
  return [...list.querySelectorAll(':scope > li')].map((item) => item.querySelector(':scope > .uk-sr-only')?.textContent);
}
