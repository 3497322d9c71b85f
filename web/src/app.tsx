import { useEffect } from 'preact/hooks';
import { go, route } from './router';
import { canAudit, isAdmin, isEmployee, loadMe, me, signOut } from './session';
import { Shell } from './shell';
import { ConfirmDialog, Loading } from './ui/kit';
import { AuditView } from './views/audit';
import { EvaluationView } from './views/evaluation';
import { EvaluationsView } from './views/evaluations';
import { GridView } from './views/grid';
import { KeysView } from './views/keys';
import { LoginView, SignupView } from './views/login';
import { MyMonthsView } from './views/my-months';
import { OrgView } from './views/org';
import { OverviewView } from './views/overview';
import { AccountView, FirstPasswordView } from './views/password';
import { ReportsView } from './views/reports';
import { SchemeView } from './views/scheme';
import { SchemesView } from './views/schemes';
import { UsersView } from './views/users';

/** The view for a signed-in person's route; a route their role cannot use shows their home. */
function Routed() {
  const [first, id, sub] = route.value.parts;
  if (first === 'account') return <AccountView />;
  if (first === 'evaluations' && id) return <EvaluationView id={id} />;
  if (isEmployee()) {
    if (first === 'reports') return <ReportsView />;
    return <MyMonthsView />;
  }
  if (first === 'evaluations') return <EvaluationsView />;
  if (first === 'grid') return <GridView />;
  if (first === 'reports') return <ReportsView />;
  if (first === 'audit' && canAudit()) return <AuditView />;
  if (isAdmin()) {
    if (first === 'schemes') return id ? <SchemeView id={id} version={sub} /> : <SchemesView />;
    if (first === 'org') return <OrgView tab={id} />;
    if (first === 'users') return <UsersView />;
    if (first === 'keys') return <KeysView />;
  }
  return <OverviewView />;
}

export function App() {
  useEffect(() => {
    void loadMe();
  }, []);
  const who = me.value;
  const first = route.value.parts[0];
  let body = <Loading />;
  if (who === null) body = first === 'signup' ? <SignupView /> : <LoginView />;
  else if (who?.user.mustChangePassword) body = <FirstPasswordView />;
  else if (who) body = <Routed />;
  return (
    <>
      <Shell
        onSignOut={async () => {
          await signOut();
          go('#/login');
        }}
      >
        {body}
      </Shell>
      <ConfirmDialog />
    </>
  );
}
