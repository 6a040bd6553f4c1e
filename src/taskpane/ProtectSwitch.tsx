/**
 * "생성 셀 보호": protect the generated cells when inserting, importing and regenerating.
 * Off by default: protecting or unprotecting a sheet clears Excel's undo history, which the
 * pane says while the switch is on (jobplan's own undo of a regeneration stays).
 */
import { useId } from "react";
import { Switch } from "@fluentui/react-components";
import type { Strings } from "./i18n";
import { useStyles } from "./styles";

export function ProtectSwitch(props: { t: Strings; checked: boolean; disabled: boolean; onChange: (on: boolean) => void }) {
  const { t, checked } = props;
  const styles = useStyles();
  const hint = useId();
  return (
    <section className={styles.section}>
      <Switch
        label={t.protectLabel}
        checked={checked}
        disabled={props.disabled}
        aria-describedby={checked ? hint : undefined}
        onChange={(_, d) => props.onChange(d.checked)}
      />
      {checked && (
        <p id={hint} className={styles.hint}>
          {t.protectNote}
        </p>
      )}
    </section>
  );
}
