"use client";
/**
 * The one icon set (lucide-react; named imports are tree-shaken). Icons are decorative (`aria-hidden`); a button that
 * shows only an icon is an <IconButton> whose `label` (a translated string) is its accessible name and tooltip.
 */
import type { LucideIcon } from "lucide-react";
import { forwardRef } from "react";
import { cn } from "@/lib/cn";
import { btn } from "./button";

export {
  TriangleAlert,
  ArrowDown,
  ArrowUp,
  Check,
  ChevronDown,
  CircleCheck,
  Info,
  GripVertical,
  Pencil,
  Plus,
  Trash2,
  X,
} from "lucide-react";
export type { LucideIcon };

type IconButtonProps = Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "aria-label" | "children"> & {
  icon: LucideIcon;
  /** Translated accessible name, also shown as the tooltip. */
  label: string;
  variant?: "outline" | "ghost";
};

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon: Icon, label, variant = "outline", className, type = "button", ...rest },
  ref,
) {
  return (
    <button ref={ref} type={type} aria-label={label} title={label} className={cn(variant === "ghost" ? btn.ghostIcon : btn.icon, className)} {...rest}>
      <Icon aria-hidden className="h-4 w-4" />
    </button>
  );
});
