import { useState } from 'react';
import { FeatureGate, LockedFeature, UpgradeModal, useUpgradeKit, useUsage } from '@upgradekit/react';
import { createProject, type Account, type Project } from '../backend';

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const initials = (name: string) =>
  name
    .split(' ')
    .map((part) => part[0])
    .join('');

export function ProjectsSection({ account, onNotice }: { account: Account; onNotice: (message: string) => void }) {
  const kit = useUpgradeKit();
  const projects = useUsage('projects');
  const [list, setList] = useState<Project[]>(account.projects);
  const [limitOpen, setLimitOpen] = useState(false);

  const newProject = () => {
    // The client check is UX (the server enforces the same rule); an attempt at the limit counts as a gate hit.
    if (!kit.check('projects', { attempt: true }).allowed) {
      setLimitOpen(true);
      return;
    }
    kit.track('projects');
    const project = createProject(account, kit.platform.now());
    setList(account.projects);
    onNotice(`Created “${project.name}”.`);
  };

  const exportPdf = () => onNotice(`Exported “${account.workspace} projects.pdf” (${list.length} projects).`);
  const limit = projects.limit === 'unlimited' ? 'unlimited' : String(projects.limit);

  return (
    <section id="projects" className="card" aria-labelledby="projects-title">
      <div className="section-head">
        <div>
          <h1 id="projects-title">Projects</h1>
          <p className="muted">
            {account.workspace} · {list.length} {list.length === 1 ? 'project' : 'projects'}
          </p>
        </div>
        <div className="section-head__actions">
          <FeatureGate
            feature="pdfExport"
            fallback={
              <LockedFeature feature="pdfExport" placement="bottom">
                <button type="button" className="btn">
                  Export PDF
                </button>
              </LockedFeature>
            }
          >
            <button type="button" className="btn" onClick={exportPdf}>
              Export PDF
            </button>
          </FeatureGate>
          <button type="button" className="btn btn--primary" onClick={newProject}>
            <span aria-hidden="true">+</span> New project
          </button>
        </div>
      </div>

      <h2 id="project-list-title" className="sr-only">
        Your projects
      </h2>
      <ul className="project-grid" aria-labelledby="project-list-title">
        {list.map((project) => (
          <li key={project.id} className="project">
            <div className="project__head">
              <h3 className="project__name">{project.name}</h3>
              <span className="avatar avatar--small" aria-hidden="true">
                {initials(project.owner)}
              </span>
            </div>
            <p className="muted small">
              {project.owner} · created {dateFormat.format(project.createdAt)}
            </p>
            <div className="progress" aria-hidden="true">
              <div className="progress__fill" style={{ width: `${project.tasks ? Math.round((project.done / project.tasks) * 100) : 0}%` }} />
            </div>
            <p className="small">{project.tasks ? `${project.done} of ${project.tasks} tasks done` : 'No tasks yet'}</p>
          </li>
        ))}
      </ul>

      <UpgradeModal
        feature="projects"
        open={limitOpen}
        onOpenChange={setLimitOpen}
        title={`You've used all ${limit} projects on your plan`}
        body="Upgrade to keep creating projects. Your existing projects stay as they are."
      />
    </section>
  );
}
