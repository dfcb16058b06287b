import { Stack, Tabs } from "@mantine/core";
import { useNavigate, useParams } from "react-router";
import { useMe } from "../../api/me";
import { ForbiddenPage } from "../../components/forbidden-page";
import { Loading } from "../../components/loading";
import { NotFoundPage } from "../not-found-page";
import { PageHeader } from "../../components/page-header";
import { AdministratorsSection } from "./administrators-section";
import { PushCredentialsSection } from "./push-credentials-section";
import { RelaySection } from "./relay-section";
import { RolesSection } from "./roles-section";

const SECTIONS = [
  {
    key: "administrators",
    label: "Administrators",
    permission: "admins:read",
    Section: AdministratorsSection,
  },
  { key: "roles", label: "Roles", permission: "roles:read", Section: RolesSection },
  { key: "relay", label: "Relay and licence", permission: "settings:read", Section: RelaySection },
  { key: "push", label: "Push", permission: "settings:read", Section: PushCredentialsSection },
];

export default function SettingsPage() {
  const { section = "administrators" } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const current = SECTIONS.find((s) => s.key === section);
  if (!current) return <NotFoundPage />;
  if (me.isPending) return <Loading />;
  const allowed = me.data?.permissions.includes(current.permission) ?? false;
  return (
    <Stack gap="md">
      <PageHeader
        title="Settings"
        description="Who administers Meridian, what each role may do, and how this server reaches its devices."
      />
      <Tabs
        value={section}
        onChange={(value) => value && void navigate(`/settings/${value}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s.key} value={s.key}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={section} pt="md">
          {allowed ? <current.Section /> : <ForbiddenPage permission={current.permission} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
