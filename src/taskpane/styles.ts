/** The pane's styles (Fluent UI v9 makeStyles), shared by its sections. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "640px",
    minWidth: "0",
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    rowGap: "16px",
    fontFamily: tokens.fontFamilyBase,
  },
  section: { display: "flex", flexDirection: "column", rowGap: "8px", minWidth: "0" },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "0" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: "0" },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px" },
  sources: { display: "flex", flexWrap: "wrap", columnGap: "4px" },
  findingList: {
    listStyleType: "none",
    margin: "0",
    padding: "0",
    display: "flex",
    flexDirection: "column",
    rowGap: "6px",
  },
  // keep-all: Korean lines break between words, not inside them; anywhere: long names still fit.
  finding: {
    wordBreak: "keep-all",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    paddingBottom: "6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  groupHeading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: "4px 0",
    display: "flex",
    alignItems: "center",
    columnGap: "6px",
  },
  status: { minHeight: "20px" },
  // Progress and errors stay in view while the user works further down the pane.
  sticky: {
    position: "sticky",
    top: "0",
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
  },
  textarea: { width: "100%" },
  hint: { margin: "0", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: "keep-all", overflowWrap: "anywhere" },
});

