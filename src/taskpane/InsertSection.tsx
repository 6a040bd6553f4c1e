/** "서식 넣기": the template's settings (plan name, region, year, funding sources, rounding). */
import { useState } from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import type { InsertTemplateOptions } from "../excel/contract";
import { DEFAULT_SOURCES } from "../core/model";
import type { RoundingMode } from "../core/model";
import type { Lang, Strings } from "./i18n";
import { useStyles } from "./styles";

export function InsertSection(props: {
  id: string;
  lang: Lang;
  t: Strings;
  disabled: boolean;
  onInsert: (opts: InsertTemplateOptions) => void;
}) {
  const { id, lang, t, disabled } = props;
  const styles = useStyles();
  const [planName, setPlanName] = useState(t.planNameDefault);
  const [region, setRegion] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [sources, setSources] = useState<string[]>(DEFAULT_SOURCES.map((s) => s.key));
  const [otherSources, setOtherSources] = useState("");
  const [rounding, setRounding] = useState<RoundingMode>("half-up");

  const yearNumber = Number(year);
  const yearValid = /^\d{4}$/.test(year.trim()) && yearNumber >= 2000 && yearNumber <= 2100;

  const submit = () => {
    const extra = otherSources
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    props.onInsert({
      planName: planName.trim() || t.planNameDefault,
      region: region.trim() || undefined,
      year: yearNumber,
      sources: [...sources, ...extra.filter((x) => !sources.includes(x))],
      roundingMode: rounding,
    });
  };

  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t.insertTitle}
      </h2>
      <Field label={t.planName} required>
        <Input value={planName} onChange={(_, d) => setPlanName(d.value)} />
      </Field>
      <Field label={t.region}>
        <Input value={region} onChange={(_, d) => setRegion(d.value)} />
      </Field>
      <Field
        label={t.year}
        required
        validationState={yearValid ? "none" : "error"}
        validationMessage={yearValid ? undefined : "2000–2100"}
      >
        <Input
          type="number"
          inputMode="numeric"
          value={year}
          onChange={(_, d) => setYear(d.value)}
        />
      </Field>
      <fieldset className={styles.section} style={{ border: "none", padding: 0, margin: 0 }}>
        <legend>{t.sources}</legend>
        <div className={styles.sources}>
          {DEFAULT_SOURCES.map((s) => (
            <Checkbox
              key={s.key}
              label={lang === "en" ? `${s.labelEn} (${s.label})` : s.label}
              checked={sources.includes(s.key)}
              onChange={(_, d) =>
                setSources((prev) =>
                  d.checked ? [...prev, s.key] : prev.filter((k) => k !== s.key),
                )
              }
            />
          ))}
        </div>
        <Field label={t.otherSources} hint={t.otherSourcesHint}>
          <Input value={otherSources} onChange={(_, d) => setOtherSources(d.value)} />
        </Field>
      </fieldset>
      <Field label={t.rounding}>
        <RadioGroup value={rounding} onChange={(_, d) => setRounding(d.value as RoundingMode)}>
          <Radio value="half-up" label={t.roundHalfUp} />
          <Radio value="largest-remainder" label={t.roundLargestRemainder} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={submit}
          disabled={disabled || !yearValid || sources.length + otherSources.trim().length === 0}
        >
          {t.insertButton}
        </Button>
      </div>
    </section>
  );
}
