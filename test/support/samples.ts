/**
 * The plan texts the tests read, all inside the repository: a fresh clone has nothing else.
 */
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "../..");

/** The real published plan of Incheon Seo-gu, 2020, as bundled with the package. */
export const SEOGU_PATH = join(ROOT, "samples/seogu-2020-jobs-plan.txt");

/** A file of test/fixtures by name. */
export function fixturePath(name: string): string {
  return join(ROOT, "test/fixtures", name);
}

export function readSeogu(): string {
  return readFileSync(SEOGU_PATH, "utf8");
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}
