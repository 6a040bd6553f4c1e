/** The findings of the last validation or import, grouped by severity; cells are links. */
import { useMemo } from "react";
import type { ReactNode } from "react";
import { CounterBadge, Link } from "@fluentui/react-components";
import type { Finding, Severity } from "../core/findings";
import { formatLocation } from "../core/findings";
import type { Lang, Strings } from "./i18n";
import { useStyles } from "./styles";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const MAX_PER_GROUP = 200;

export function FindingList(props: {
  findings: Finding[];
  lang: Lang;
  t: Strings;
  onSelect: (sheet: string, cell: string) => void;
  disabled: boolean;
}): ReactNode {
  const { findings, lang, t, onSelect } = props;
  const styles = useStyles();
  const groups = useMemo(
    () => SEVERITIES.map((s) => ({ severity: s, items: findings.filter((f) => f.severity === s) })),
    [findings],
  );
  if (findings.length === 0) return <p>{t.noFindings}</p>;
  return (
    <div>
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => {
          const headingId = `findings-${g.severity}`;
          return (
            <div key={g.severity} role="group" aria-labelledby={headingId}>
              <h3 id={headingId} className={styles.groupHeading}>
                <span>{t.severity[g.severity]}</span>
                <CounterBadge
                  count={g.items.length}
                  overflowCount={99999}
                  color={
                    g.severity === "error"
                      ? "danger"
                      : g.severity === "warning"
                        ? "important"
                        : "informative"
                  }
                  aria-hidden
                />
                <span style={{ position: "absolute", left: "-10000px" }}>({g.items.length})</span>
              </h3>
              <ul className={styles.findingList}>
                {g.items.slice(0, MAX_PER_GROUP).map((f, i) => (
                  <li key={i} className={styles.finding}>
                    <span>{f.message[lang]}</span>{" "}
                    {f.location.sheet && f.location.cell ? (
                      <Link
                        as="button"
                        inline
                        onClick={() => onSelect(f.location.sheet!, f.location.cell!)}
                        aria-label={t.goToCell(`${f.location.sheet}!${f.location.cell}`)}
                      >
                        {`${f.location.sheet}!${f.location.cell}`}
                      </Link>
                    ) : (
                      <span>{formatLocation(f.location)}</span>
                    )}
                  </li>
                ))}
                {g.items.length > MAX_PER_GROUP && (
                  <li>{t.more(g.items.length - MAX_PER_GROUP)}</li>
                )}
              </ul>
            </div>
          );
        })}
    </div>
  );
}
