/**
 * Shown instead of the pane when the page is opened outside Excel (a plain browser, as
 * `npm start` on Linux invites): every button would fail there, so it says where the pane
 * runs and how to sideload it.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import { langOf, strings } from "./i18n";
import { useStyles } from "./styles";

export function OutsideOffice(props: { locale?: string; officeLoaded: boolean }) {
  const lang = langOf(props.locale);
  const t = strings(lang);
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root}>
        <h1 className={styles.title}>{t.appTitle}</h1>
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{t.outsideTitle}</MessageBarTitle>
            {t.outsideBody}
          </MessageBarBody>
        </MessageBar>
        {!props.officeLoaded && <p>{t.outsideNoOffice}</p>}
        <ol>
          {t.outsideSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </main>
    </FluentProvider>
  );
}
