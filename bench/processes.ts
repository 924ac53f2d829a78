import { type ChildProcess, fork } from 'child_process';
import { join } from 'path';

import type { ArmSpec } from './arms';
import type { ArmResult } from './armProcess';
import type { SimCommand, SimInfo, SimOptions } from './simProcess';

/* Starting the simulator and arm processes and talking to them over IPC. */

const REGISTER = join(__dirname, '..', 'scripts', 'ts-register.js');
/** Extra Node flags for the arm processes, e.g. BENCH_ARM_FLAGS="--cpu-prof --cpu-prof-dir=.cache/bench/prof". */
const ARM_FLAGS = (process.env.BENCH_ARM_FLAGS ?? '').split(/\s+/).filter(Boolean);

type Message = { type: string; [key: string]: unknown };

function start(script: string, arg: unknown, flags: string[]): ChildProcess {
	return fork(join(__dirname, script), [JSON.stringify(arg)], {
		execArgv: ['-r', REGISTER, ...flags],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

function nextMessage(child: ChildProcess, what: string, type: string): Promise<Message> {
	return new Promise((resolve, reject) => {
		const onMessage = (message: Message) => {
			if (message.type === 'error') finish(() => reject(new Error(`${what}: ${String(message.message)}`)));
			else if (message.type === type) finish(() => resolve(message));
		};
		const onExit = (code: number | null) => finish(() => reject(new Error(`${what} exited (code ${code}) before "${type}"`)));
		const finish = (then: () => void) => {
			child.off('message', onMessage);
			child.off('exit', onExit);
			then();
		};
		child.on('message', onMessage);
		child.on('exit', onExit);
	});
}

export class SimProcess {
	private nextId = 1;
	private constructor(
		private readonly child: ChildProcess,
		readonly info: SimInfo,
		readonly options: SimOptions,
	) {}

	static async start(options: SimOptions): Promise<SimProcess> {
		const child = start('simProcess.ts', options, []);
		const ready = await nextMessage(child, `simulator (${options.latency} ms)`, 'ready');
		return new SimProcess(child, ready.info as SimInfo, options);
	}

	async command<T = unknown>(command: Omit<SimCommand, 'id'>): Promise<T> {
		const id = this.nextId++;
		const answered = new Promise<T>((resolve, reject) => {
			const onMessage = (message: Message) => {
				if (message.type !== 'answer' || message.id !== id) return;
				this.child.off('message', onMessage);
				this.child.off('exit', onExit);
				resolve(message.answer as T);
			};
			const onExit = () => reject(new Error('the simulator exited'));
			this.child.on('message', onMessage);
			this.child.once('exit', onExit);
		});
		this.child.send({ ...command, id });
		return await answered;
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.send({ cmd: 'stop', id: 0 });
		await exited;
	}
}

/** An arm process that has loaded and warmed up and waits for `go`. */
export class ArmProcess {
	private constructor(
		private readonly child: ChildProcess,
		readonly spec: ArmSpec,
	) {}

	static async start(spec: ArmSpec): Promise<ArmProcess> {
		const child = start('armProcess.ts', spec, ['--expose-gc', ...ARM_FLAGS]);
		await nextMessage(child, spec.arm, 'ready');
		return new ArmProcess(child, spec);
	}

	/** Starts the measured run; resolves with its result once the process has ended. */
	async go(): Promise<ArmResult> {
		const result = nextMessage(this.child, this.spec.arm, 'result');
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.send({ cmd: 'go' });
		const { result: armResult } = await result;
		await exited;
		return armResult as ArmResult;
	}
}

/** Starts the arms, waits until all are ready, and starts their measured runs together. */
export async function runTogether(specs: ArmSpec[], beforeGo?: () => Promise<void>): Promise<ArmResult[]> {
	const arms = await Promise.all(specs.map((spec) => ArmProcess.start(spec)));
	await beforeGo?.();
	return await Promise.all(arms.map((arm) => arm.go()));
}

/** One arm alone. */
export async function runAlone(spec: ArmSpec): Promise<ArmResult> {
	const [result] = await runTogether([spec]);
	return result;
}
