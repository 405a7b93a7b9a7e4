/**
 * `npm run vapi:config -- --clinic harbour-aesthetics [--profile low_latency] [--url https://app.example.com] [--push]`
 * Prints the clinic's full Vapi assistant JSON, built from the database (no patient data).
 * With --push (and VAPI_API_KEY) creates or updates it in Vapi and stores the assistant id.
 * With --number, prints the clinic's phone number as Vapi should import it instead
 * (`phoneNumbers.create`: our webhook with retries, and the front desk as `fallbackDestination`
 * for when our server is down; docs/assistant.md, "Failover"); with --number --push (and
 * VAPI_API_KEY, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN) imports it into Vapi, or updates the one
 * imported before, and stores its id: the same code as the dashboard's "Connect number to Vapi".
 */
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

import {
  getClinicAssistantId,
  loadAssistantSource,
  setClinicAssistantId,
} from "../lib/db/assistant";
import { wrap } from "../lib/db/transaction";
import {
  assistantFor,
  buildAssistant,
  LATENCY_PROFILES,
  type LatencyProfile,
} from "../lib/vapi/assistant";
import { pushClinicNumber } from "../lib/vapi/number-service";
import { phoneNumberFor } from "../lib/vapi/phone-number";
import { pushAssistant } from "../lib/vapi/push";
import { connectDatabase } from "./lib/connect";
import { localConfig } from "./lib/local-config";

nextEnv.loadEnvConfig(process.cwd(), true);
const config = localConfig();
const { values } = parseArgs({
  options: {
    clinic: { type: "string" },
    profile: { type: "string" },
    url: { type: "string", default: config.url },
    push: { type: "boolean", default: false },
    number: { type: "boolean", default: false },
  },
});
if (!values.clinic) {
  console.error(
    "usage: npm run vapi:config -- --clinic <slug> [--profile standard|low_latency] [--url <public app url>] [--number] [--push]",
  );
  process.exit(2);
}
if (values.profile && !LATENCY_PROFILES.includes(values.profile as LatencyProfile)) {
  console.error(`--profile must be one of ${LATENCY_PROFILES.join(", ")}`);
  process.exit(2);
}

const { client, close } = await connectDatabase();
try {
  const clinic = await client.query<{ id: string }>(
    "select id from public.clinics where slug = $1",
    [values.clinic],
  );
  if (!clinic.rows[0]) {
    console.error(`No clinic with slug "${values.clinic}"`);
    process.exit(1);
  }
  if (values.number && values.push) {
    const result = await pushClinicNumber((fn) => fn(wrap(client)), clinic.rows[0].id, {
      APP_URL: values.url,
      VAPI_API_KEY: process.env.VAPI_API_KEY || undefined,
      VAPI_API_BASE_URL: process.env.VAPI_API_BASE_URL || undefined,
      VAPI_CREDENTIAL_ID: process.env.VAPI_CREDENTIAL_ID || undefined,
      TWILIO_ACCOUNT_SID: process.env.TWILIO_ACCOUNT_SID || undefined,
      TWILIO_AUTH_TOKEN: process.env.TWILIO_AUTH_TOKEN || undefined,
    });
    if (result.ok) console.log(`${result.message} Vapi id: ${result.id}.`);
    else {
      console.error(result.message);
      process.exitCode = result.reason === "missing_setup" ? 2 : 1;
    }
  } else if (values.number) {
    const row = await client.query<{
      name: string;
      phoneNumber: string;
      frontDeskNumber: string | null;
    }>(
      'select name, phone_number as "phoneNumber", front_desk_number as "frontDeskNumber" from public.clinics where id = $1',
      [clinic.rows[0].id],
    );
    console.log(
      JSON.stringify(
        phoneNumberFor(row.rows[0]!, {
          serverUrl: `${values.url.replace(/\/$/, "")}/api/webhooks/vapi`,
          credentialId: process.env.VAPI_CREDENTIAL_ID,
        }),
        null,
        2,
      ),
    );
  } else {
    const source = await loadAssistantSource(wrap(client), clinic.rows[0].id);
    const env = { APP_URL: values.url, VAPI_CREDENTIAL_ID: process.env.VAPI_CREDENTIAL_ID };
    const assistant = values.profile
      ? buildAssistant(source, {
          serverUrl: `${values.url.replace(/\/$/, "")}/api/webhooks/vapi`,
          credentialId: env.VAPI_CREDENTIAL_ID,
          profile: values.profile as LatencyProfile,
        })
      : assistantFor(source, env);
    if (!values.push) {
      console.log(JSON.stringify(assistant, null, 2));
    } else {
      if (!process.env.VAPI_API_KEY) {
        console.error("--push needs VAPI_API_KEY (Vapi dashboard -> API Keys -> private key)");
        process.exit(2);
      }
      const tx = wrap(client);
      const result = await pushAssistant(assistant, {
        apiKey: process.env.VAPI_API_KEY,
        baseUrl: process.env.VAPI_API_BASE_URL,
        existingId: await getClinicAssistantId(tx, clinic.rows[0].id),
      });
      await setClinicAssistantId(tx, clinic.rows[0].id, result.id);
      console.log(
        `${result.created ? "Created" : "Updated"} assistant ${result.id} for ${values.clinic}; assistant-request now answers with it.`,
      );
    }
  }
} finally {
  await close();
}
