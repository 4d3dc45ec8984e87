import { UpgradeButton } from '@upgradekit/react';
import { useEffectivePlan } from '../hooks';
import { ROUTES, useRoute } from '../route';
import { ThemeToggle } from './ThemeToggle';

export function Header({ workspace }: { workspace: string }) {
  const { plan, name, trialDaysLeft, next } = useEffectivePlan();
  const route = useRoute();
  const onTrial = trialDaysLeft !== null;
  return (
    <header className="topbar">
      <a className="brand" href="#projects" aria-label="Acme Projects, home">
        <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
          <rect width="32" height="32" rx="8" fill="currentColor" />
          <path d="M9 23 16 8l7 15h-4l-3-7-3 7z" fill="#fff" />
        </svg>
        <span>Acme Projects</span>
      </a>
      <nav aria-label="Primary" className="topnav">
        {ROUTES.map(({ id, label }) => (
          <a key={id} href={`#${id}`} aria-current={route === id ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <div className="topbar__account">
        {/* The plan in force: on a trial its limits apply, so that is what the header says. */}
        <span className={onTrial ? 'pill pill--trial' : 'pill'} data-testid="current-plan" data-plan={plan}>
          {onTrial ? `${name} trial · ${trialDaysLeft === 1 ? '1 day' : `${trialDaysLeft} days`} left` : `${name} plan`}
        </span>
        {next && <UpgradeButton plan={next} className="topbar__upgrade" />}
        <ThemeToggle />
        <span className="avatar" role="img" aria-label={`Signed in to ${workspace} as Maya Chen`}>
          MC
        </span>
      </div>
    </header>
  );
}
