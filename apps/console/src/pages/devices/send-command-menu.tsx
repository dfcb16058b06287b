import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import type { Device } from "../../api/types";
import { commandChoicesFor, type CommandChoice } from "./command-types";
import { ConfirmCommandModal } from "./confirm-command-modal";

export function SendCommandMenu({ device }: { device: Device }) {
  const [chosen, setChosen] = useState<CommandChoice | null>(null);
  const choices = commandChoicesFor(device.platform);
  const unmanaged = device.state === "wiped" || device.state === "retired";
  return (
    <>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <Button disabled={unmanaged} title={unmanaged ? "The device is no longer managed" : undefined}>
            Send command
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {choices.map((choice, i) => (
            <div key={choice.key}>
              {choice.destructive && !choices[i - 1]?.destructive && <Menu.Divider />}
              <Menu.Item color={choice.destructive ? "red" : undefined} onClick={() => setChosen(choice)}>
                {choice.label}
              </Menu.Item>
            </div>
          ))}
        </Menu.Dropdown>
      </Menu>
      <ConfirmCommandModal device={device} choice={chosen} onClose={() => setChosen(null)} />
    </>
  );
}
