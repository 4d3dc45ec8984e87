import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeProblems, renderCockpit, screenLoaded, serverDown, TOKEN } from './harness.js';

const fillToken = async (user: ReturnType<typeof renderCockpit>['user'], token: string) => {
  await user.type(screen.getByLabelText('Admin token'), token);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('Signing in', () => {
  it('keeps the admin token once the server accepts it, and shows the overview', async () => {
    const { user, storage } = renderCockpit({ signedIn: false });
    expect(await axeProblems()).toEqual([]);
    await user.type(screen.getByLabelText('Your name (shown in the config history)'), 'Priya');
    await fillToken(user, TOKEN);
    await screenLoaded('Overview');
    expect(storage.getItem('upgradekit.cockpit.token')).toBe(TOKEN);
    expect(storage.getItem('upgradekit.cockpit.author')).toBe('Priya');
  });

  it('refuses a wrong token with a message, and keeps nothing', async () => {
    const { user, storage } = renderCockpit({ signedIn: false });
    await fillToken(user, 'not-the-token');
    expect((await screen.findByRole('alert')).textContent).toBe('That is not the admin token of this server. Check the token `upgradekit serve` was started with.');
    expect(storage.getItem('upgradekit.cockpit.token')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(await axeProblems()).toEqual([]);
  });

  it('says the server cannot be reached when it is down', async () => {
    const { user } = renderCockpit({ signedIn: false, fetch: serverDown });
    await fillToken(user, TOKEN);
    expect((await screen.findByRole('alert')).textContent).toContain('The UpgradeKit server cannot be reached.');
  });

  it('signs out when the server stops accepting a kept token, and says why', async () => {
    renderCockpit({ fetch: (api) => (input, init) => api.fetch(input, { ...init, headers: { authorization: 'Bearer revoked' } }) });
    expect((await screen.findByRole('alert')).textContent).toBe('The server no longer accepts the saved token; sign in again.');
    expect(screen.getByLabelText('Admin token')).toBeTruthy();
  });

  it('signs out on request and forgets the token', async () => {
    const { user, storage } = renderCockpit();
    await screenLoaded('Overview');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(storage.getItem('upgradekit.cockpit.token')).toBeNull();
  });
});
