import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { manageLink, to } from "./utils";

/**
 * A person who was checked in downloads their certificate of attendance from the link in their
 * confirmation, and whoever they show it to opens the address printed on it.
 */

const HOUR = 3_600_000;

test("a person checked in downloads a certificate, and its address says it is genuine", async ({
  page,
  db,
  mailbox,
  expectAccessible,
}) => {
  const title = `Ontbijtsessie: e-facturatie ${Date.now()}`;
  const email = `noor-${Date.now()}@example.org`;
  const session = await createSession({ title, capacity: 5 }, db);
  await page.goto(`/sessies/${session.slug}`);
  await page.getByLabel("Naam").fill("Noor Ağaoğlu-Dewaele");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Schrijf me in" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
  const manage = manageLink(await mailbox.waitFor(to(email)));

  // Not checked in: no certificate on the page.
  await page.goto(manage);
  await expect(page.getByRole("heading", { name: "Attest van deelname" })).toHaveCount(0);

  // The session began an hour ago, and the person was checked in at the door.
  const now = Date.now();
  await db.db
    .updateTable("sessions")
    .set({
      starts_at: new Date(now - HOUR).toISOString(),
      ends_at: new Date(now + HOUR).toISOString(),
    })
    .where("id", "=", session.id)
    .execute();
  await db.db
    .updateTable("registrations")
    .set({ checked_in_at: new Date(now - HOUR).toISOString() })
    .where("session_id", "=", session.id)
    .execute();

  await page.goto(manage);
  const section = page.getByRole("region", { name: "Attest van deelname" });
  await expect(section).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    section.getByRole("link", { name: "Attest downloaden (PDF)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`attest-${session.slug}.pdf`);
  const bytes = new Uint8Array(await readFile((await download.path()) ?? ""));
  const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  const text = content.items.map((item) => ("str" in item ? item.str : "")).join("\n");
  await pdf.destroy();
  expect(text).toContain("Noor Ağaoğlu-Dewaele");
  expect(text).toContain(title);

  const address = /http:\/\/localhost:\d+\/certificaat\/[\w-]+/.exec(text)?.[0];
  expect(address).toBeTruthy();
  await page.goto(address ?? "");
  await expect(page.getByRole("heading", { name: "Echt" })).toBeVisible();
  await expect(page.getByText("Noor Ağaoğlu-Dewaele")).toBeVisible();
  await expectAccessible(page);
});
