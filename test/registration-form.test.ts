import { describe, expect, it } from "vitest";
import { normalizeEnterpriseNumber } from "../app/lib/enterprise-number";
import { parseForm } from "../app/lib/forms";
import { registrationSchema } from "../app/lib/registration-form";

const parseRegistrationForm = (data: FormData) => {
  const submission = parseForm(data, registrationSchema);
  return submission.status === "success"
    ? { ok: true, data: submission.value }
    : { ok: false, errors: submission.error };
};

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("enterprise numbers", () => {
  it.each([
    ["0417.497.106", "0417.497.106"],
    ["BE 0417 497 106", "0417.497.106"],
    ["be0417497106", "0417.497.106"],
    ["417497106", "0417.497.106"],
    ["0203-201-340", "0203.201.340"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalizeEnterpriseNumber(input)).toBe(expected);
  });

  it.each(["0417.497.107", "2417.497.106", "0417.497", "04174971060", "abc", ""])(
    "rejects %s",
    (input) => {
      expect(normalizeEnterpriseNumber(input)).toBeNull();
    },
  );
});

describe("the sign-up form", () => {
  it("trims, keeps what was given and drops empty optional fields", () => {
    const result = parseRegistrationForm(
      form({
        name: "  Jef Maes ",
        email: " jef@example.org ",
        organisation: "",
        enterpriseNumber: "",
        consent: "on",
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        name: "Jef Maes",
        email: "jef@example.org",
        organisation: null,
        enterpriseNumber: null,
        dietaryNeeds: null,
        consent: "on",
        // The news box was left unticked: no.
        newsOptIn: false,
      },
    });
  });

  it("names each field that is wrong", () => {
    const result = parseRegistrationForm(
      form({
        name: "",
        email: "jef@",
        organisation: "x".repeat(161),
        enterpriseNumber: "0123.456.789",
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: [{ key: "errors.name.required", values: {} }],
        email: [{ key: "errors.email.invalid", values: {} }],
        // The limit comes with the message, from the schema itself.
        organisation: [{ key: "errors.organisation.tooLong", values: { max: 160 } }],
        enterpriseNumber: [{ key: "errors.enterpriseNumber.invalid", values: {} }],
        consent: [{ key: "errors.consent.required", values: {} }],
      },
    });
  });

  it("refuses line breaks and control characters in one-line fields, allows them in dietary needs", () => {
    const result = parseRegistrationForm(
      form({
        name: "Eva\r\nBcc: x@example.org",
        email: "eva@example.org",
        organisation: "Bakkerij\u0000",
        dietaryNeeds: "Geen noten\nGeen lactose",
        consent: "on",
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: [{ key: "errors.text.invalidCharacters", values: {} }],
        organisation: [{ key: "errors.text.invalidCharacters", values: {} }],
      },
    });
  });

  it("refuses an address with a line break in it", () => {
    const result = parseRegistrationForm(
      form({ name: "Eva", email: "eva@example.org\r\nBcc: x@example.org", consent: "on" }),
    );
    expect(result.ok).toBe(false);
  });
});
