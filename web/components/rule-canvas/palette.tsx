import { useCallback, type DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { PALETTE, type PaletteItem } from './flow-model';

const DRAG_TYPE = 'application/x-pilothouse-step';

/** The steps an admin can add: dragged onto the canvas, or added at its centre with Enter or a click. */
export function Palette({ onAdd }: { onAdd: (item: PaletteItem) => void }) {
  const groups = [
    ['trigger', 'Triggers'],
    ['condition', 'Conditions'],
    ['action', 'Actions'],
  ] as const;
  return (
    <aside className="palette" aria-label="Steps to add" data-testid="palette">
      <p className="small muted">Drag a step onto the canvas, or press Enter on it.</p>
      {groups.map(([group, title]) => (
        <section key={group}>
          <h3>{title}</h3>
          {PALETTE.filter((item) => item.group === group).map((item) => (
            <button
              type="button"
              key={item.key}
              className={`palette-item palette-${group}`}
              draggable
              data-testid={`palette-${group}-${item.key}`}
              onDragStart={(event) => {
                event.dataTransfer.setData(DRAG_TYPE, `${group}:${item.key}`);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => onAdd(item)}
              title={item.description}
            >
              {item.label}
            </button>
          ))}
        </section>
      ))}
    </aside>
  );
}

/**
 * The canvas's drop target for palette steps (React Flow's drag-and-drop example): the step lands
 * where the pointer let go, in flow coordinates, its top-left corner a little up and left of it.
 */
export function usePaletteDrop(
  addStep: (item: PaletteItem, position: { x: number; y: number }) => void,
  readOnly: boolean | undefined,
) {
  const { screenToFlowPosition } = useReactFlow();
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const ref = event.dataTransfer.getData(DRAG_TYPE);
      const item = PALETTE.find((p) => `${p.group}:${p.key}` === ref);
      if (!item || readOnly) return;
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addStep(item, { x: position.x - 120, y: position.y - 30 });
    },
    [screenToFlowPosition, addStep, readOnly],
  );
  const onDragOver = useCallback((event: DragEvent) => event.preventDefault(), []);
  return { onDrop, onDragOver };
}
