import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { WorkspaceUser } from "~/components/workspace-nav";
import { requireSignedIn } from "~/web/auth.server";
import { WORKSPACE } from "~/web/route-handle";

/** The root's layout finds this route by its handle and puts the workspace's menu in the header. */
export const handle = WORKSPACE;

export async function loader({ request }: LoaderFunctionArgs): Promise<WorkspaceUser> {
  const organiser = await requireSignedIn(request);
  return { name: organiser.name, role: organiser.role };
}

/**
 * The frame of the organiser workspace, for door volunteers too (whose menu holds their check-in
 * only). Every page below checks access in its own loader too.
 */
export default function OrganiserLayout() {
  return <Outlet />;
}
