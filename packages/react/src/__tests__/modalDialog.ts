/*
 * jsdom has <dialog> but not its modal API. This stands in for what browsers do and
 * the components rely on: `showModal()` opens a dialog above any other and remembers
 * what had focus; `close()` closes it, gives that focus back, and fires `close` a task
 * later; Escape sends the top dialog a cancelable `cancel` and closes it unless that
 * is prevented. What only a browser has (the top layer, the inert page, focus held
 * inside, the scroll lock) is tested in Chromium by the stories.
 */

interface Modal {
  dialog: HTMLDialogElement;
  opener: Element | null;
}

/** Installs the stand-in on jsdom's HTMLDialogElement; returns the open modals, bottom first. */
export function installModalDialog(): Modal[] {
  const topLayer: Modal[] = [];
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (topLayer.some((modal) => modal.dialog === this)) return;
    if (this.open) throw new DOMException('The dialog is open, but not as a modal.', 'InvalidStateError');
    if (!this.isConnected) throw new DOMException('The dialog is not connected.', 'InvalidStateError');
    topLayer.push({ dialog: this, opener: this.ownerDocument.activeElement });
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    const index = topLayer.findIndex((modal) => modal.dialog === this);
    const [modal] = index === -1 ? [] : topLayer.splice(index, 1);
    if (modal?.opener instanceof HTMLElement && modal.opener.isConnected) modal.opener.focus();
    setTimeout(() => this.dispatchEvent(new Event('close')));
  };
  document.addEventListener('keydown', (event) => {
    const top = topLayer.at(-1)?.dialog;
    if (event.key !== 'Escape' || event.defaultPrevented || !top) return;
    if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  });
  return topLayer;
}
