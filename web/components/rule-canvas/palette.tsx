import { useCallback, type DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { PALETTE, type PaletteItem } from './flow-model';

const DRAG_TYPE = 'application/x-pilothouse-step';

/**
 * The steps an admin can add: dragged onto the canvas, or added at its centre with Enter or a click.
 * Folded, it is a narrow rail, so at 1024 px the canvas keeps the width the palette took.
 */
export function Palette({
  onAdd,
  open,
  onOpenChange,
}: {
  onAdd: (item: PaletteItem) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  if (!open)
    return (
      <aside className="panel-rail" aria-label="Steps to add" data-testid="palette-rail">
        <button
          type="button"
          className="rail-button"
          aria-expanded={false}
          onClick={() => onOpenChange(true)}
          data-testid="show-palette"
          title="Show the steps to add"
        >
          Steps to add
        </button>
      </aside>
    );
  const groups = [
    ['trigger', 'Triggers'],
    ['condition', 'Conditions'],
    ['action', 'Actions'],
  ] as const;
  return (
    <aside className="palette" aria-label="Steps to add" data-testid="palette">
      <div className="panel-head">
        <p className="small muted">Drag a step onto the canvas, or press Enter on it.</p>
        <button
          type="button"
          className="button link small"
          aria-expanded={true}
          onClick={() => onOpenChange(false)}
          data-testid="hide-palette"
          title="Fold the steps away to give the canvas more room"
        >
          Hide
        </button>
      </div>
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
