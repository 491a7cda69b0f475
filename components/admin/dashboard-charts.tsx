"use client";
/** Per-forum charts on the dashboard: cumulative registrations per day and registrations by delegate category. */
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function RegistrationsOverTime({ data, label }: { data: { day: string; total: number; count: number }[]; label: string }) {
  return (
    <figure className="min-w-0" data-testid="chart-over-time">
      <figcaption className="mb-1 text-xs font-medium text-slate-500">{label}</figcaption>
      <div className="h-40 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="day" tick={{ fontSize: 10 }} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis tick={{ fontSize: 10 }} allowDecimals={false} />
            <Tooltip />
            <Area type="monotone" dataKey="total" stroke="#174c99" fill="#d9eaff" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function RegistrationsByCategory({ data, label }: { data: { name: string; count: number }[]; label: string }) {
  return (
    <figure className="min-w-0" data-testid="chart-by-category">
      <figcaption className="mb-1 text-xs font-medium text-slate-500">{label}</figcaption>
      <div className="h-40 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" tick={{ fontSize: 10 }} allowDecimals={false} />
            <YAxis type="category" dataKey="name" tick={{ fontSize: 11 }} width={64} interval={0} />
            <Tooltip />
            <Bar dataKey="count" fill="#1d5fbf" radius={[0, 4, 4, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
