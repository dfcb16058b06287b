import { TextInput } from "@mantine/core";
import { useState } from "react";

/**
 * Confirmation by typing a name, for what cannot be undone: `confirmed` once the typed text is the
 * name, `field` the input asking for it, `reset` to clear it when the dialog closes.
 */
export function useTypeToConfirm(what: string, name: string | undefined) {
  const [typed, setTyped] = useState("");
  return {
    confirmed: name !== undefined && typed.trim() === name,
    reset: () => setTyped(""),
    field: (
      <TextInput
        label={`Type the ${what}'s name, ${name ?? ""}, to confirm`}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
      />
    ),
  };
}
