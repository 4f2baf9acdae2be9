using System.Runtime.InteropServices;
using System.Text;

namespace Cradle.GpuLoad;

/// <summary>
/// The few CUDA driver API calls the workload needs, bound at run time to <c>libcuda.so.1</c> (installed with the
/// driver). Uses the device's primary context, whose entry points have kept their names since CUDA 7.
/// </summary>
internal sealed unsafe class CudaDriver : IDisposable
{
    private readonly nint _library;
    private readonly delegate* unmanaged[Cdecl]<uint, int> _init;
    private readonly delegate* unmanaged[Cdecl]<int*, int, int> _deviceGet;
    private readonly delegate* unmanaged[Cdecl]<byte*, int, int, int> _deviceGetName;
    private readonly delegate* unmanaged[Cdecl]<int*, int, int, int> _deviceGetAttribute;
    private readonly delegate* unmanaged[Cdecl]<nint*, int, int> _primaryCtxRetain;
    private readonly delegate* unmanaged[Cdecl]<nint, int> _ctxSetCurrent;
    private readonly delegate* unmanaged[Cdecl]<nint*, byte*, uint, int*, void**, int> _moduleLoadDataEx;
    private readonly delegate* unmanaged[Cdecl]<nint*, nint, byte*, int> _moduleGetFunction;
    private readonly delegate* unmanaged[Cdecl]<ulong*, nuint, int> _memAlloc;
    private readonly delegate* unmanaged[Cdecl]<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int> _launchKernel;
    private readonly delegate* unmanaged[Cdecl]<int> _ctxSynchronize;
    private readonly delegate* unmanaged[Cdecl]<int, byte**, int> _getErrorString;

    private CudaDriver(nint library)
    {
        _library = library;
        _init = (delegate* unmanaged[Cdecl]<uint, int>)Export("cuInit");
        _deviceGet = (delegate* unmanaged[Cdecl]<int*, int, int>)Export("cuDeviceGet");
        _deviceGetName = (delegate* unmanaged[Cdecl]<byte*, int, int, int>)Export("cuDeviceGetName");
        _deviceGetAttribute = (delegate* unmanaged[Cdecl]<int*, int, int, int>)Export("cuDeviceGetAttribute");
        _primaryCtxRetain = (delegate* unmanaged[Cdecl]<nint*, int, int>)Export("cuDevicePrimaryCtxRetain");
        _ctxSetCurrent = (delegate* unmanaged[Cdecl]<nint, int>)Export("cuCtxSetCurrent");
        _moduleLoadDataEx = (delegate* unmanaged[Cdecl]<nint*, byte*, uint, int*, void**, int>)Export("cuModuleLoadDataEx");
        _moduleGetFunction = (delegate* unmanaged[Cdecl]<nint*, nint, byte*, int>)Export("cuModuleGetFunction");
        _memAlloc = (delegate* unmanaged[Cdecl]<ulong*, nuint, int>)Export("cuMemAlloc_v2");
        _launchKernel = (delegate* unmanaged[Cdecl]<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int>)Export("cuLaunchKernel");
        _ctxSynchronize = (delegate* unmanaged[Cdecl]<int>)Export("cuCtxSynchronize");
        _getErrorString = (delegate* unmanaged[Cdecl]<int, byte**, int>)Export("cuGetErrorString");
    }

    /// <summary>Loads the driver library, or says why it cannot.</summary>
    public static CudaDriver Load() => NativeLibrary.TryLoad("libcuda.so.1", out var handle)
        ? new CudaDriver(handle)
        : throw new InvalidOperationException("libcuda.so.1 not found: no NVIDIA driver on this machine");

    /// <summary>cuInit, then the primary context of device <paramref name="ordinal"/> made current.</summary>
    public (string Name, int Multiprocessors) Open(int ordinal)
    {
        Check(_init(0), "cuInit");
        int device;
        Check(_deviceGet(&device, ordinal), "cuDeviceGet");
        var name = stackalloc byte[256];
        Check(_deviceGetName(name, 256, device), "cuDeviceGetName");
        int multiprocessors;
        const int MultiprocessorCountAttribute = 16; // CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT
        Check(_deviceGetAttribute(&multiprocessors, MultiprocessorCountAttribute, device), "cuDeviceGetAttribute");
        nint context;
        Check(_primaryCtxRetain(&context, device), "cuDevicePrimaryCtxRetain");
        Check(_ctxSetCurrent(context), "cuCtxSetCurrent");
        return (Marshal.PtrToStringUTF8((nint)name) ?? "?", multiprocessors);
    }

    /// <summary>JIT-compiles <paramref name="ptx"/> and returns the function <paramref name="entryPoint"/>.</summary>
    public nint LoadFunction(string ptx, string entryPoint)
    {
        var source = Encoding.ASCII.GetBytes(ptx + "\0");
        var entry = Encoding.ASCII.GetBytes(entryPoint + "\0");
        nint module;
        nint function;
        fixed (byte* s = source)
        fixed (byte* e = entry)
        {
            // The JIT's error log says which line of the PTX it refused; cuModuleLoadData alone gives only error 218.
            const int ErrorLogBuffer = 5, ErrorLogBufferSize = 6; // CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES
            const int LogBytes = 8192;
            var log = stackalloc byte[LogBytes];
            var options = stackalloc int[2] { ErrorLogBuffer, ErrorLogBufferSize };
            var values = stackalloc void*[2] { log, (void*)LogBytes };
            var code = _moduleLoadDataEx(&module, s, 2, options, values);
            if (code != 0)
            {
                var text = Marshal.PtrToStringUTF8((nint)log)?.Trim();
                Check(code, string.IsNullOrEmpty(text) ? "cuModuleLoadDataEx" : $"cuModuleLoadDataEx (JIT log: {text})");
            }
            Check(_moduleGetFunction(&function, module, e), "cuModuleGetFunction");
        }

        return function;
    }

    /// <summary>Allocates <paramref name="bytes"/> of device memory.</summary>
    public ulong Allocate(ulong bytes)
    {
        ulong pointer;
        Check(_memAlloc(&pointer, (nuint)bytes), "cuMemAlloc_v2");
        return pointer;
    }

    /// <summary>Launches <paramref name="function"/>(output, iterations) on a 1-D grid and waits for it.</summary>
    public void LaunchAndWait(nint function, uint blocks, uint threadsPerBlock, ulong output, uint iterations)
    {
        var arguments = stackalloc void*[2];
        arguments[0] = &output;
        arguments[1] = &iterations;
        Check(_launchKernel(function, blocks, 1, 1, threadsPerBlock, 1, 1, 0, 0, arguments, null), "cuLaunchKernel");
        Check(_ctxSynchronize(), "cuCtxSynchronize");
    }

    /// <inheritdoc/>
    public void Dispose() => NativeLibrary.Free(_library);

    private nint Export(string name) => NativeLibrary.TryGetExport(_library, name, out var address)
        ? address
        : throw new InvalidOperationException($"libcuda.so.1 lacks {name}");

    private void Check(int code, string function)
    {
        if (code == 0)
        {
            return;
        }

        byte* text = null;
        _ = _getErrorString(code, &text);
        var message = text is null ? "unknown error" : Marshal.PtrToStringUTF8((nint)text);
        throw new InvalidOperationException($"{function} failed with CUDA error {code}: {message}");
    }
}
