import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, reloadHydrated, signIn } from "./helpers";

// Staff management end to end (issue 19): an admin invites a receptionist, who accepts through
// the one-time link and signs in; the admin changes their role and removes them, and the page the
// removed person still has open loses access. The invitee is this spec's own, so nothing it does
// touches another spec's staff.
test("an invited receptionist joins, is promoted, is removed and loses access at once", async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  const email = `invitee-${Date.now()}@example.test`;
  const password = "a-long-invitee-password";

  await signIn(page, ADMIN, "/admin/staff");
  await expect(page.getByRole("heading", { name: "Staff" })).toBeVisible();
  // Bad input is refused with a sentence, and nothing is invited.
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("Enter a valid email address, like name@clinic.com.")).toBeVisible();
  await expect(page.getByTestId("invite-link")).toHaveCount(0);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("receptionist");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("open-invitations")).toContainText(email);

  // The invitee, in a browser of their own, accepts and signs in.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: /^Join / })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Nia Brooks");
  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Password again").fill("a-different-password");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee.getByText("The two passwords differ.")).toBeVisible();
  // The name typed is kept; the passwords are typed again.
  await expect(invitee.getByLabel("Your name")).toHaveValue("Nia Brooks");
  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Password again").fill(password);
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(/\/login\?joined=1/);
  await expect(invitee.getByRole("status")).toContainText("You have joined the clinic.");
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).not.toHaveURL(/\/login/);
  await expect(invitee.getByTestId("connection")).toHaveText("Live");
  // The link worked once.
  const again = await inviteeContext.newPage();
  await again.goto(link);
  await expect(again.getByText("This invitation has already been used.")).toBeVisible();
  await again.close();

  // The admin sees them, changes their role, then removes them. Everything is looked for in this
  // invitee's own row (by its email): a retry's earlier invitee may share the name.
  // Hydrated before choosing, or the choice would not reach React.
  await reloadHydrated(page);
  const row = page.getByTestId("staff-row").filter({ hasText: email, visible: true });
  await expect(row).toContainText("Nia Brooks");
  await row.getByLabel("Role of Nia Brooks").selectOption("admin");
  // Saved (the controlled select shows the stored role once the action has answered)...
  await expect(row.getByLabel("Role of Nia Brooks")).toHaveValue("admin");
  await expect(row.getByLabel("Role of Nia Brooks")).toBeEnabled();
  // ... and still so after a reload.
  await reloadHydrated(page);
  await expect(row.getByLabel("Role of Nia Brooks")).toHaveValue("admin");
  await row.getByRole("button", { name: "Remove Nia Brooks" }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByTestId("staff-row").filter({ hasText: email, visible: true })).toHaveCount(
    0,
  );

  // The page the removed person still has open loses access, and reloading asks them to sign in.
  await expect(invitee.getByTestId("connection")).toContainText("Your access has ended.", {
    timeout: 15_000,
  });
  await invitee.reload();
  await expect(invitee).toHaveURL(/\/login/);
  await inviteeContext.close();
});

test("a receptionist cannot manage staff", async ({ page }) => {
  await signIn(page, RECEPTIONIST, "/admin/staff");
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }),
  ).toHaveCount(0);
});
