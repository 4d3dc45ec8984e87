import { UpgradeButton, useTrial } from '@upgradekit/react';
import { useNextPlan, usePlan, usePlanName } from '../hooks';

export function Header({ workspace }: { workspace: string }) {
  const plan = usePlan();
  const planName = usePlanName(plan);
  const next = useNextPlan(plan);
  const teamTrial = useTrial({ plan: 'team' });
  return (
    <header className="topbar">
      <a className="brand" href="#main" aria-label="Acme Projects, home">
        <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
          <rect width="32" height="32" rx="8" fill="currentColor" />
          <path d="M9 23 16 8l7 15h-4l-3-7-3 7z" fill="#fff" />
        </svg>
        <span>Acme Projects</span>
      </a>
      <nav aria-label="Primary" className="topnav">
        <a href="#projects-title" aria-current="page">
          Projects
        </a>
        <a href="#usage-title">Usage</a>
        <a href="#report-title">Reports</a>
      </nav>
      <div className="topbar__account">
        {teamTrial.state === 'active' && (
          <span className="pill pill--trial">Team trial · {teamTrial.daysLeft === 1 ? '1 day' : `${teamTrial.daysLeft} days`} left</span>
        )}
        <span className="pill" data-testid="current-plan" data-plan={plan}>
          {planName} plan
        </span>
        {next && <UpgradeButton plan={next} className="topbar__upgrade" />}
        <span className="avatar" role="img" aria-label={`Signed in to ${workspace} as Maya Chen`}>
          MC
        </span>
      </div>
    </header>
  );
}
